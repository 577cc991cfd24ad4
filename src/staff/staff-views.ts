import type { Language } from '../i18n';
import { STAFF_ROLES, staffName, type StaffMember, type StaffRole } from '../actor';
import { staffMessagesFor, formatTime, type Option } from '../console';
import type { StaffConsoleMessages } from './staff-console-messages';

export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  name: string;
  role: string;
  disabled: boolean;
  state: string;
  created: string;
  updated: string;
  isSelf: boolean;
}

/** `timeZone`: the console's (timeZoneOf), the times are shown in it. */
export function staffRow(member: StaffMember, selfId: string, language: Language, timeZone: string, at: StaffConsoleMessages): StaffRow {
  return {
    id: member.id,
    username: member.username,
    displayName: member.displayName ?? '',
    name: staffName(member),
    role: roleNames(language)[member.role],
    disabled: member.disabled,
    state: member.disabled ? at.staffAdmin.disabled : at.staffAdmin.enabled,
    created: formatTime(member.createdAt, language, timeZone),
    updated: formatTime(member.updatedAt, language, timeZone),
    isSelf: member.id === selfId,
  };
}

/** Admins first, then support; within a role, by username: the list reads like a roster. */
export function rosterOrder(a: StaffMember, b: StaffMember): number {
  return STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role) || a.username.localeCompare(b.username);
}

export function roleOptions(at: StaffConsoleMessages, language: Language): (Option & { hint: string })[] {
  const names = roleNames(language);
  return STAFF_ROLES.map((role) => ({ value: role, label: names[role], hint: at.staffAdmin.roleHints[role] }));
}

/** The console frame's role names: the layout's signed-in line names a role with the same words. */
function roleNames(language: Language): Record<StaffRole, string> {
  return staffMessagesFor(language).console.roles;
}
