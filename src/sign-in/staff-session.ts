import type { Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { setActor, setStaffOf, type StaffMember } from '../actor';
import { staffUnavailable } from '../console';
import type { StaffService } from '../staff';

declare module 'express-session' {
  interface SessionData {
    staffId: string;
    /** The account's password version at sign-in: a reset since then ends the session. */
    passwordVersion: number;
    /** Epoch ms, from the injected clock: the absolute timeout counts from here. */
    signedInAt: number;
    /** Epoch ms of the last request: the idle timeout counts from here. */
    lastSeenAt: number;
  }
}

export const SESSION_COOKIE = 'xc_session';

export interface SessionTimeouts {
  /** Ends a session this long after its last request (rolling). */
  idleMs: number;
  /** Ends a session this long after sign-in, however busy. */
  absoluteMs: number;
}

/**
 * express-session as the consoles use it. The cookie is HttpOnly, SameSite=Strict, Secure whenever
 * the request came over TLS (`auto` follows Express's trust proxy for X-Forwarded-Proto), and
 * expires with the idle timeout, renewed by each response. Nothing is stored, and no cookie set,
 * until sign-in puts something in the session: the sign-in form's CSRF token needs no session
 * (login-csrf.ts), so anonymous requests, however many, add no key to Redis.
 */
export function sessionMiddleware(store: session.Store, secret: string, timeouts: SessionTimeouts): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', maxAge: timeouts.idleMs },
  });
}

export interface StaffLoaderDeps {
  staff: Pick<StaffService, 'sessionMember'>;
  clock: () => Date;
  timeouts: SessionTimeouts;
}

/**
 * Who the session belongs to, decided afresh on every request: the timeouts by the clock, then the
 * account as it is now (gone, disabled, password reset: the session ends at once). Sets
 * res.locals.staff and the actor for a live session; res.locals.sessionEnded when one just ended.
 */
export function staffLoader(deps: StaffLoaderDeps): RequestHandler {
  return (req, res, next) => {
    loadStaff(req, res, deps).then(
      () => next(),
      (error: unknown) => next(staffUnavailable(error)),
    );
  };
}

async function loadStaff(req: Request, res: Response, deps: StaffLoaderDeps): Promise<void> {
  const data = req.session;
  if (data.staffId === undefined) return;
  const now = deps.clock().getTime();
  const member = timedOut(data, now, deps.timeouts)
    ? null
    : await deps.staff.sessionMember(data.staffId, data.passwordVersion ?? 0);
  if (member === null) {
    // Gone from the store and from the browser, with nothing in its place: an ended session leaves
    // no empty one behind (a regenerated session would be saved: its id changed).
    await destroy(req);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
    res.locals.sessionEnded = true;
    return;
  }
  data.lastSeenAt = now;
  setStaffOf(res, member);
  setActor(res, { kind: 'staff', staffId: member.id, username: member.username, role: member.role });
}

function timedOut(data: Partial<session.SessionData>, now: number, timeouts: SessionTimeouts): boolean {
  const signedInAt = data.signedInAt ?? 0;
  const lastSeenAt = data.lastSeenAt ?? signedInAt;
  return now - signedInAt >= timeouts.absoluteMs || now - lastSeenAt >= timeouts.idleMs;
}

/**
 * A new session id before anything is trusted to the session: an id planted before sign-in (the
 * browser's earlier session, say) is worthless after it. This is what first stores a session.
 */
export async function signIn(req: Request, member: StaffMember, passwordVersion: number, now: Date): Promise<void> {
  await regenerate(req);
  req.session.staffId = member.id;
  req.session.passwordVersion = passwordVersion;
  req.session.signedInAt = now.getTime();
  req.session.lastSeenAt = now.getTime();
}

export async function signOut(req: Request, res: Response): Promise<void> {
  await destroy(req);
  res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}

/**
 * A new session id, the old session deleted. Also when this request's session already ended (the
 * staff loader destroyed it): the store then makes the new session from the request alone.
 */
function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    };
    if (sessionOf(req) === undefined) req.sessionStore.regenerate(req, done);
    else req.session.regenerate(done);
  });
}

/** Deletes the session from the store and from the request (then express-session saves nothing for it). */
function destroy(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    const session = sessionOf(req);
    if (session === undefined) {
      resolve();
      return;
    }
    session.destroy((error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    });
  });
}

/** The request's session; absent once destroyed (express-session then deletes the property). */
function sessionOf(req: Request): Request['session'] | undefined {
  return req.session as Request['session'] | undefined;
}
