/* eslint-disable */
exports.up = (pgm) => {
  pgm.createFunction(
    'add_numbers',
    ['integer', { name: 'b', type: 'int', default: 1 }, { mode: 'OUT', name: 'result', type: 'integer' }],
    {
      returns: 'integer',
      language: 'plpgsql',
      replace: true,
      behavior: 'IMMUTABLE',
      security: 'DEFINER',
      onNull: true,
      parallel: 'SAFE',
      set: [
        { configurationParameter: 'search_path', value: 'public' },
        { configurationParameter: 'work_mem', value: 'FROM CURRENT' },
      ],
    },
    'BEGIN result := $1 + b; END;'
  );
  pgm.createFunction('rank_it', [], { returns: 'bigint', language: 'internal', window: true }, 'window_rank');
};
