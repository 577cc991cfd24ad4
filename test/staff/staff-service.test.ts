import { BoundedWorkQueue } from '../../src/shared/bounded-work-queue';
import { PasswordHasher } from '../../src/staff/password-hash';
import { StaffService } from '../../src/staff/staff-service';
import { MemoryStaffStore } from '../../src/staff/memory-staff-store';
import { RedisStaffStore } from '../../src/staff/redis-staff-store';
import type { StaffStore } from '../../src/staff/staff-store';
import { newTestRedis, uniquePrefix } from '../support/test-redis';
import { FakeClock, PASSWORD } from './staff-fixtures';

const backends: [string, () => { store: StaffStore; close: () => void }][] = [
  ['memory', () => ({ store: new MemoryStaffStore(), close: () => undefined })],
  [
    'shared Redis',
    () => {
      const redis = newTestRedis();
      return { store: new RedisStaffStore(redis, uniquePrefix('staff-service')), close: () => redis.disconnect() };
    },
  ],
];

describe.each(backends)('StaffService on the %s store', (_name, open) => {
  let staff: StaffService;
  let close: () => void;
  const clock = new FakeClock();

  beforeEach(() => {
    const backend = open();
    close = backend.close;
    staff = new StaffService({
      store: backend.store,
      clock: clock.now,
      passwords: new PasswordHasher(new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 4 })),
    });
  });
  afterEach(() => close());

  it('when an account is created, then it can be found by id, by username and in the list, oldest first', async () => {
    const first = await staff.createStaff({ username: 'hanako', displayName: '鈴木 花子', role: 'support', password: PASSWORD });
    clock.advance(1000);
    const second = await staff.createStaff({ username: 'Admin.One', role: 'admin', password: PASSWORD });

    expect(second.username).toBe('admin.one');
    expect(await staff.get(first.id)).toEqual(first);
    expect(await staff.getByUsername(' ADMIN.ONE ')).toEqual(second);
    expect((await staff.list()).map((member) => member.id)).toEqual([first.id, second.id]);
    expect(first).toMatchObject({ displayName: '鈴木 花子', role: 'support', disabled: false });
  });

  it('when a username is taken, then a second account with it is refused with 409', async () => {
    await staff.createStaff({ username: 'taken', role: 'support', password: PASSWORD });

    await expect(staff.createStaff({ username: 'TAKEN', role: 'admin', password: PASSWORD })).rejects.toMatchObject({
      code: 'username_taken',
      status: 409,
    });
    expect(await staff.list()).toHaveLength(1);
  });

  it.each([
    ['an email address', 'taro@example.jp'],
    ['too short a name', 'ab'],
    ['a leading dot', '.hidden'],
    ['a space inside', 'two words'],
    ['41 characters', 'a'.repeat(41)],
  ])('when the username is %s, then it is refused', async (_name, username) => {
    await expect(staff.createStaff({ username, role: 'support', password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_username',
      status: 400,
    });
  });

  it.each([
    ['11 characters', 'x'.repeat(11), false],
    ['12 characters', 'x'.repeat(12), true],
    ['256 characters', 'x'.repeat(256), true],
    ['257 characters', 'x'.repeat(257), false],
    ['12 Japanese characters', 'あいうえおかきくけこさし', true],
  ])('when the password is %s, then it is accepted: %s', async (_name, password, accepted) => {
    const attempt = staff.createStaff({ username: 'pw-test', role: 'support', password });

    if (accepted) await expect(attempt).resolves.toMatchObject({ username: 'pw-test' });
    else await expect(attempt).rejects.toMatchObject({ code: 'invalid_password' });
  });

  it('when a display name holds an @ or a control character, then it is refused', async () => {
    await expect(staff.createStaff({ username: 'named', displayName: 'taro@example.jp', role: 'support', password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_display_name',
    });
    await expect(staff.createStaff({ username: 'named', displayName: 'a\u0007b', role: 'support', password: PASSWORD })).rejects.toMatchObject({
      code: 'invalid_display_name',
    });
  });

  it('when the role is neither admin nor support, then it is refused', async () => {
    await expect(staff.createStaff({ username: 'rooted', role: 'root', password: PASSWORD })).rejects.toMatchObject({ code: 'invalid_role' });
  });

  it('when the password is checked, then only the right one for an enabled account signs in', async () => {
    const member = await staff.createStaff({ username: 'checker', role: 'support', password: PASSWORD });

    expect(await staff.authenticate('checker', PASSWORD)).toMatchObject({ ok: true, member: { id: member.id } });
    expect(await staff.authenticate('checker', `${PASSWORD}!`)).toEqual({ ok: false, reason: 'wrong_password', staffId: member.id });
    expect(await staff.authenticate('nobody', PASSWORD)).toEqual({ ok: false, reason: 'unknown_user' });
    await staff.setDisabled(member.id, true);
    expect(await staff.authenticate('checker', PASSWORD)).toEqual({ ok: false, reason: 'disabled', staffId: member.id });
  });

  it('when a password is typed in another Unicode form (NFD), then it still matches', async () => {
    await staff.createStaff({ username: 'unicode', role: 'support', password: 'パスワードはガギグゲゴです' });

    const outcome = await staff.authenticate('unicode', 'パスワードはガギグゲゴです'.normalize('NFD'));

    expect(outcome.ok).toBe(true);
  });

  it('when the last enabled admin would be disabled or made support, then it is refused; with a second admin it is done', async () => {
    const only = await staff.createStaff({ username: 'only-admin', role: 'admin', password: PASSWORD });

    await expect(staff.setDisabled(only.id, true)).rejects.toMatchObject({ code: 'last_admin', status: 409 });
    await expect(staff.setRole(only.id, 'support')).rejects.toMatchObject({ code: 'last_admin' });

    await staff.createStaff({ username: 'second-admin', role: 'admin', password: PASSWORD });
    expect(await staff.setRole(only.id, 'support')).toMatchObject({ role: 'support' });
  });

  it('when a change is made, then updatedAt moves and the change is kept', async () => {
    const member = await staff.createStaff({ username: 'changing', role: 'support', password: PASSWORD });
    clock.advance(60_000);

    const changed = await staff.setRole(member.id, 'admin');

    expect(changed.updatedAt).not.toBe(member.updatedAt);
    expect(await staff.get(member.id)).toEqual(changed);
  });

  it('when an unknown account is changed, then it is 404', async () => {
    await expect(staff.setDisabled('st-nope', true)).rejects.toMatchObject({ code: 'staff_not_found', status: 404 });
  });

  it('when a password is reset, then only the new one signs in and the old session version no longer counts', async () => {
    const member = await staff.createStaff({ username: 'resetting', role: 'support', password: PASSWORD });
    const before = await staff.authenticate('resetting', PASSWORD);

    await staff.resetPassword(member.id, 'another long passphrase');

    expect((await staff.authenticate('resetting', PASSWORD)).ok).toBe(false);
    const after = await staff.authenticate('resetting', 'another long passphrase');
    expect(after.ok).toBe(true);
    expect(await staff.sessionMember(member.id, before.ok ? before.passwordVersion : -1)).toBeNull();
    expect(await staff.sessionMember(member.id, after.ok ? after.passwordVersion : -1)).toMatchObject({ id: member.id });
  });
});
