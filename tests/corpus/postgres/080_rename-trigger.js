/* eslint-disable */
exports.up = (pgm) => {
  pgm.renameTrigger('users', 'users_touch', 'users_touch_updated');
};
