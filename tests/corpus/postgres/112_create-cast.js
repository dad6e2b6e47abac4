/* eslint-disable */
exports.up = (pgm) => {
  pgm.createCast('text', 'mood', { functionName: 'text_to_mood' });
  pgm.createCast('integer', 'mood', { functionName: { schema: 'app', name: 'int_to_mood' }, argumentTypes: ['integer', 'integer', 'boolean'], as: 'ASSIGNMENT' });
  pgm.createCast('mood', 'text', { inout: true, as: 'IMPLICIT' });
  pgm.createCast('int4', 'my_int', { ifExists: true });
};
