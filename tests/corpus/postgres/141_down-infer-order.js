/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTable('ordered', { id: 'id', a: 'integer' });
  pgm.addColumns('ordered', { b: 'text', c: 'text' });
  pgm.createIndex('ordered', ['a', 'b']);
  pgm.createExtension(['ext_one', 'ext_two']);
  pgm.renameColumn('ordered', 'c', 'd');
  pgm.createTrigger('ordered', 'ordered_trg', { when: 'AFTER', operation: 'INSERT', language: 'plpgsql' }, 'BEGIN RETURN NULL; END;');
};
