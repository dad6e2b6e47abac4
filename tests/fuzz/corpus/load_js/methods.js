module.exports = {
  async up(pgm) {
    pgm.sql('CREATE TABLE x (id int)');
    pgm.sql('INSERT INTO x VALUES ({v})', { v: 1 });
  },
  down(pgm) {
    pgm.sql("DROP TABLE x");
  },
};
