/* eslint-disable */
exports.up = (pgm) => {
  pgm.addTypeAttribute('address', 'zip', 'string');
  pgm.addTypeAttribute('address', 'country', { type: 'varchar(2)' });
  pgm.renameTypeAttribute('address', 'city', 'town');
};
