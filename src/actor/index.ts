/** This folder's face: what the rest of src/ may import from it. */
export { actorOf, setActor } from './actor';
export type { Actor } from './actor';
export { STAFF_ROLES, isStaffRole, setStaffOf, staffName, staffOf } from './staff-member';
export type { StaffMember, StaffRole } from './staff-member';
