import type { StatsPageMessages } from './stats-page-messages';

export const STATS_PAGE_JA: StatsPageMessages = {
  colon: '：',
  title: '統計',
  intro:
    'カウンターのみを記録しています：公開ページとAPIで1日に回答した確認の件数と、そのうち各対象グループの一覧に' +
    '該当した件数です。誰が確認したか、何を入力したかは一切保存しません。',
  dayNote: (zone) => `日付は${zone}の0時から翌0時までの1日です。`,
  period: '期間',
  lastDays: (days) => `直近${days}日間`,
  totals: (checks, days) => `直近${days}日間の公開確認は${checks}件です。`,
  checksHeading: '1日あたりの公開確認件数',
  checksCaption: (days) => `1日あたりの公開確認件数（直近${days}日間、新しい順）`,
  date: (zone) => `日付（${zone}）`,
  checks: '件数',
  bar: '最も多い日との比較',
  today: '今日',
  matchesHeading: '対象グループごとの該当件数',
  matchesIntro: '同じ期間に、公開確認でアドレスが各対象グループの一覧に見つかった件数です。',
  matchesCaption: (days) => `対象グループごとの該当件数（直近${days}日間、多い順）`,
  exposure: '対象グループ',
  matches: '該当件数',
  unknownExposure: 'カタログにない対象グループ',
  noExposuresChecked: 'この期間に照合された対象グループはありません。',
  staffChecksNote: 'サポート担当者による照会はここには含まれません。照会はすべて監査ログに記録されています。',
};
