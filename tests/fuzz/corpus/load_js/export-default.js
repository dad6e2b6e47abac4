const up = (pgm) => { pgm.createTable('d', { id: 'id' }); };
export default { up, down: false };
