exports.up = (pgm) => {
  pgm.sql('tab\there nl\nhere \x41\u0042\u{43} \uD83D\uDE00 \u{1F600} caf\u00e9 \
continued');
  pgm.sql("it's \"quoted\" \\ backslash \a \' \b\f\v\r" + `templ\`ate ${'x'}${1}${null}${undefined}${true} \u{10FFFF}
second line`);
  pgm.sql('a' + 1.5 + 2 + 'b', 1 + 2 + 'c');
};
