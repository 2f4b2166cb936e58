import { findPortHolder, listeningInodesIn } from './port-holder';

// Two listening sockets (9944 on 127.0.0.1, 6379 on 0.0.0.0) and an established connection from port 9944.
const TABLE = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:26D8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41001 1 0 100 0 0 10 0',
  '   1: 00000000:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 41002 1 0 100 0 0 10 0',
  '   2: 0100007F:26D8 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 41003 1 0 20 4 30 10 -1',
].join('\n');

describe('listeningInodesIn', () => {
  it('finds the listening socket of a port and ignores connections from it', () => {
    expect([...listeningInodesIn(TABLE, 9944)]).toEqual(['41001']);
    expect([...listeningInodesIn(TABLE, 6379)]).toEqual(['41002']);
  });

  it('finds nothing for a port nobody listens on', () => {
    expect(listeningInodesIn(TABLE, 8080).size).toBe(0);
  });
});

describe('findPortHolder', () => {
  it('answers undefined where there is no /proc', () => {
    expect(findPortHolder(9944, '/nonexistent-proc')).toBeUndefined();
  });
});
