import type { Language } from '../i18n/localized-text';
import { STAFF_ROLES, staffName, type StaffMember } from './staff-model';
import type { AdminMessages } from '../console/admin-messages';
import type { Option } from '../catalog/catalog-views';
import { formatTime } from '../console/format-time';

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

export function staffRow(member: StaffMember, selfId: string, language: Language, at: AdminMessages): StaffRow {
  return {
    id: member.id,
    username: member.username,
    displayName: member.displayName ?? '',
    name: staffName(member),
    role: at.staffAdmin.roles[member.role],
    disabled: member.disabled,
    state: member.disabled ? at.staffAdmin.disabled : at.staffAdmin.enabled,
    created: formatTime(member.createdAt, language),
    updated: formatTime(member.updatedAt, language),
    isSelf: member.id === selfId,
  };
}

/** Admins first, then support; within a role, by username: the list reads like a roster. */
export function rosterOrder(a: StaffMember, b: StaffMember): number {
  return STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role) || a.username.localeCompare(b.username);
}

export function roleOptions(at: AdminMessages): (Option & { hint: string })[] {
  return STAFF_ROLES.map((role) => ({ value: role, label: at.staffAdmin.roles[role], hint: at.staffAdmin.roleHints[role] }));
}
