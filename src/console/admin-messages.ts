import type { IncidentStatus } from '../catalog/catalog-model';
import type { Language } from '../i18n/localized-text';
import type { StaffRole } from '../staff/staff-model';
import { ADMIN_EN } from './admin-messages-en';
import { ADMIN_JA } from './admin-messages-ja';

/** What a redirect after a change tells the next page (`?done=`): one sentence each. */
export const DONE_NOTICES = [
  'incidentCreated',
  'incidentSaved',
  'incidentDeleted',
  'exposureCreated',
  'exposureSaved',
  'exposureDeleted',
  'published',
  'unpublished',
  'listDeleted',
  'staffCreated',
  'roleChanged',
  'disabled',
  'enabled',
  'passwordReset',
  'tokenRevoked',
] as const;
export type DoneNotice = (typeof DONE_NOTICES)[number];

/** The form fields of incidents and exposures that a validation error can point at. */
export type IncidentField = 'organization' | 'title' | 'summary' | 'attackWindow' | 'announcedOn' | 'sources' | 'status';
export type ExposureField =
  | 'title'
  | 'description'
  | 'advice'
  | 'talkingPoints'
  | 'window'
  | 'dataExposed'
  | 'dataNotExposed'
  | 'affectedCount'
  | 'sensitive';

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

/** Refusals of the new-token form. */
export type TokenProblem = 'invalid_label';

/** A labelled text with a hint under it. */
interface FieldText {
  label: string;
  hint: string;
}

/**
 * Every string of the admin console's pages (dashboard, incidents and exposures, lists, staff,
 * tokens), one object per language, both checked against this interface: a missing string fails
 * the build. Views read it as `at` (admin text), beside the console frame's `st`.
 */
export interface AdminMessages {
  common: {
    japanese: string;
    english: string;
    required: string;
    optional: string;
    noValue: string;
    cancel: string;
    formProblem: string;
    /** Introduces the service's own (English) wording of a refusal. */
    details: string;
    /** The link of a refusal that names no field. */
    toTheForm: string;
    cannotUndo: string;
    yes: string;
    no: string;
    done: Record<DoneNotice, string>;
    auditGap: { title: string; body: string };
  };
  dashboard: {
    title: string;
    intro: string;
    facts: (incidents: number, exposures: number, published: number, lists: number) => string;
    sections: Record<'incidents' | 'staff' | 'tokens' | 'audit' | 'stats' | 'check', { title: string; body: string }>;
  };
  incidentStatus: Record<IncidentStatus, string>;
  incidentFields: Record<IncidentField, FieldText> & { from: string; to: string };
  exposureFields: Record<ExposureField, FieldText> & { from: string; to: string };
  /** Under the field a validation error points at: what the field accepts. */
  incidentProblems: Record<IncidentField, string>;
  exposureProblems: Record<ExposureField, string>;
  incidents: {
    title: string;
    intro: string;
    empty: string;
    columns: { title: string; organization: string; status: string; announced: string; exposures: string };
    exposureCount: (count: number, published: number) => string;
    newHeading: string;
    newIntro: string;
    create: string;
  };
  incident: {
    back: string;
    exposuresHeading: string;
    noExposures: string;
    columns: { title: string; publication: string; visibility: string; list: string };
    addHeading: string;
    addIntro: string;
    add: string;
    detailsHeading: string;
    save: string;
    deleteHeading: string;
    deleteBlocked: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: string;
    confirmButton: string;
  };
  exposure: {
    back: (incidentTitle: string) => string;
    stateHeading: string;
    id: string;
    publication: string;
    visibility: string;
    list: string;
    published: string;
    unpublished: string;
    publicVisibility: string;
    sensitiveVisibility: string;
    listState: (version: number, rows: string) => string;
    noList: string;
    detailsHeading: string;
    save: string;
    deleteHeading: string;
    deleteIntro: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: (rows: string | undefined) => string;
    confirmButton: string;
  };
  publication: {
    heading: string;
    publishedPublic: string;
    publishedSensitive: string;
    unpublished: string;
    noListWarning: string;
    publish: string;
    unpublish: string;
  };
  list: {
    heading: string;
    version: string;
    rows: string;
    profile: string;
    currentProfile: string;
    olderProfile: string;
    activatedAt: string;
    empty: string;
    uploadHeading: string;
    uploadIntro: string;
    needsScript: string;
    fileLabel: string;
    fileHint: string;
    upload: string;
    progressLabel: string;
    /** For the upload script: `{sent}` and `{total}` are replaced with sizes. */
    sending: string;
    processing: string;
    /** `{records}`, `{duplicates}`, `{version}` are replaced by the script. */
    loaded: string;
    reload: string;
    chooseFile: string;
    failed: string;
    networkFailed: string;
    sessionEnded: string;
    /** By the server's error code; anything else shows `failed` with the server's message. */
    problems: Record<
      'invalid_list' | 'empty_list' | 'unknown_profile' | 'upload_incomplete' | 'csrf_rejected' | 'not_found' | 'audit_unavailable',
      string
    >;
    deleteHeading: string;
    deleteIntro: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: (rows: string) => string;
    confirmButton: string;
  };
  staffAdmin: {
    title: string;
    intro: string;
    columns: { username: string; displayName: string; role: string; state: string; created: string };
    enabled: string;
    disabled: string;
    you: string;
    roles: Record<StaffRole, string>;
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
  tokens: {
    title: string;
    intro: string;
    empty: string;
    columns: { label: string; created: string; lastUsed: string; state: string };
    active: string;
    revokedOn: (when: string) => string;
    neverUsed: string;
    revokeLink: string;
    newHeading: string;
    label: FieldText;
    create: string;
    createdTitle: string;
    createdOnce: string;
    secretLabel: (label: string) => string;
    copy: string;
    copied: string;
    copyFailed: string;
    copyHint: string;
    usageHeading: string;
    usageIntro: string;
    usageNote: string;
    /** Under the command: where to find the exposure id that replaces EXPOSURE_ID. */
    exposureIdNote: string;
    backToTokens: string;
    confirmTitle: (label: string) => string;
    confirmBody: string;
    confirmButton: string;
    problems: Record<TokenProblem, string>;
  };
}

const ADMIN_MESSAGES: Record<Language, AdminMessages> = { ja: ADMIN_JA, en: ADMIN_EN };

export function adminMessagesFor(language: Language): AdminMessages {
  return ADMIN_MESSAGES[language];
}
