/* eslint-disable */
exports.up = (pgm) => {
  pgm.sql('CREATE TABLE raw1 (id int)');
  pgm.sql('INSERT INTO raw1 VALUES (1);');
  pgm.sql('SELECT 1;   ');
  pgm.sql('SELECT 1; SELECT 2');
  pgm.sql(`CREATE FUNCTION f() RETURNS int AS $$
BEGIN
  RETURN 1;
END;
$$ LANGUAGE plpgsql`);
};
