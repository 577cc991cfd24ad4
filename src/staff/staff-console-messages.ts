import type { FieldText } from '../console';
import type { Language } from '../i18n';
import type { StaffRole } from '../actor';
import { STAFF_CONSOLE_EN } from './staff-console-messages-en';
import { STAFF_CONSOLE_JA } from './staff-console-messages-ja';

/** What the staff pages' redirects after a change tell the next page (`?done=`). */
export type StaffNotice = 'staffCreated' | 'roleChanged' | 'disabled' | 'enabled' | 'passwordReset';

/** Refusals of the staff pages, by AppError code, in words for the admin. */
export type StaffProblem =
  | 'invalid_username'
  | 'username_taken'
  | 'invalid_display_name'
  | 'invalid_role'
  | 'invalid_password'
  | 'passwords_differ'
  | 'own_role'
  | 'disable_self'
  | 'last_admin';

/**
 * Every string of the staff admin pages (the roster, an account's page), one object per language,
 * both checked against this interface: a missing string fails the build. The role names are the
 * console frame's (`st.console.roles`): the layout names the signed-in role with the same words.
 */
export interface StaffConsoleMessages {
  /** One sentence per notice. */
  done: Record<StaffNotice, string>;
  staffAdmin: {
    title: string;
    intro: string;
    columns: { username: string; displayName: string; role: string; state: string; created: string };
    enabled: string;
    disabled: string;
    you: string;
    roleHints: Record<StaffRole, string>;
    newHeading: string;
    username: FieldText;
    displayName: FieldText;
    role: string;
    password: FieldText;
    passwordAgain: string;
    create: string;
    back: string;
    updated: string;
    ownAccount: string;
    roleHeading: string;
    changeRole: string;
    stateHeadingDisable: string;
    stateHeadingEnable: string;
    disableIntro: string;
    enableIntro: string;
    disableLink: string;
    enableLink: string;
    passwordHeading: string;
    passwordIntro: string;
    ownPasswordIntro: string;
    /** The account page's list of its API tokens (read only: only the owner makes or revokes one). */
    tokensHeading: string;
    tokensIntro: string;
    tokensEmpty: string;
    newPassword: string;
    resetPassword: string;
    confirmDisableTitle: (name: string) => string;
    confirmDisableBody: string;
    confirmDisableButton: string;
    confirmEnableTitle: (name: string) => string;
    confirmEnableBody: string;
    confirmEnableButton: string;
    problems: Record<StaffProblem, string>;
  };
}

const STAFF_CONSOLE_MESSAGES: Record<Language, StaffConsoleMessages> = { ja: STAFF_CONSOLE_JA, en: STAFF_CONSOLE_EN };

export function staffConsoleMessagesFor(language: Language): StaffConsoleMessages {
  return STAFF_CONSOLE_MESSAGES[language];
}
