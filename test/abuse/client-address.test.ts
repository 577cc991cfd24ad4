import { clientAddress } from '../../src/abuse/client-address';

describe('client address', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['::ffff:c000:207', '192.0.2.7'],
    ['0:0:0:0:0:ffff:c000:0207', '192.0.2.7'],
  ])('when the peer is %s, then it counts as the IPv4 address %s with no /64', (ip, address) => {
    expect(clientAddress(ip)).toEqual({ address, ipv6Network: undefined });
  });

  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::', '2001:db8:1:2:0:0:0:0', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0:0:0:0:1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0:0:0:0:1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.7', '64:ff9b:0:0:0:0:c000:207', '64:ff9b:0:0::/64'],
  ])('when the peer is %s, then it is %s in the network %s', (ip, address, network) => {
    expect(clientAddress(ip)).toEqual({ address, ipv6Network: network });
  });

  it('when two addresses share a /64 but are written differently, then they share one network key', () => {
    const a = clientAddress('2001:db8:aa:bb::1');
    const b = clientAddress('2001:0DB8:00AA:00BB:ffff:ffff:ffff:ffff');
    expect(a?.ipv6Network).toBe(b?.ipv6Network);
    expect(a?.address).not.toBe(b?.address);
  });

  it.each([[undefined], [''], ['not-an-ip'], ['1.2.3.4.5'], ['2001:db8::1::2'], ['taro@example.jp']])(
    'when the peer is %p, then there is no client address',
    (ip) => {
      expect(clientAddress(ip)).toBeUndefined();
    },
  );
});
