/* eslint-disable */
exports.up = (pgm) => {
  pgm.createTrigger(
    'users',
    'users_touch',
    {
      when: 'BEFORE',
      operation: 'UPDATE',
      level: 'ROW',
      language: 'plpgsql',
      replace: true,
    },
    'BEGIN NEW.updated_at := now(); RETURN NEW; END;'
  );
  pgm.createTrigger(
    'users',
    'users_touch2',
    { when: 'BEFORE', operation: 'INSERT', level: 'ROW', language: 'plpgsql', function: 'touch_fn', ifExists: true },
    'BEGIN RETURN NEW; END;'
  );
};
