/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable({ schema: 'mySchema', name: 'someTable' }, {
    someId: { type: 'integer', references: { schema: 'otherSchema', name: 'refTable' } },
    partKey: 'text',
  }, { partition: { strategy: 'HASH', columns: ['partKey'] }, constraints: { primaryKey: ['someId', 'partKey'], exclude: 'USING gist (someId WITH =)' } });
  pgm.createIndex({ schema: 'mySchema', name: 'someTable' }, [{ name: 'someId', opclass: 'intOps', sort: 'DESC' }]);
  pgm.grantOnTables({ privileges: 'SELECT', tables: { schema: 'mySchema', name: 'someTable' }, roles: ['readOnly', 'PUBLIC'] });
  pgm.dropIndex({ schema: 'mySchema', name: 'someTable' }, 'someId');
};
