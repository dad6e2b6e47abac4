exports.up = (pgm) => {
  pgm.sql('tab\there nl\nhere \x41\u0042\u{43} \uD83D\uDE00 \u{1F600} caf\u00e9 \
continued');
  pgm.sql("it's \"quoted\" \\ backslash \a \' \0x".slice ? 'x' : 'y');
};
