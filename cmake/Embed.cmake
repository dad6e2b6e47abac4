# cmake -DINPUT=file -DOUTPUT=file.c -DSYMBOL=name -P Embed.cmake
# Writes `const char SYMBOL[]` holding the bytes of INPUT (NUL-terminated),
# so a file shipped in the repository is also compiled into the binary.
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "/* Generated from ${INPUT} by cmake/Embed.cmake. */\nconst char ${SYMBOL}[] = {\n${bytes}0x00};\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
