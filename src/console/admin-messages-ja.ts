import { LOCALE_TAGS } from '../i18n';
import type { AdminMessages } from './admin-messages';

const count = (value: number) => value.toLocaleString(LOCALE_TAGS.ja);

export const ADMIN_JA: AdminMessages = {
  common: {
    languageLabels: { ja: '日本語', en: '英語' },
    required: '必須',
    optional: '任意',
    noValue: 'なし',
    cancel: 'キャンセル',
    formProblem: '保存されていません。印の付いた項目を直して、もう一度送信してください。',
    details: '次の点を直してください。',
    toTheForm: 'フォームへ移動',
    cannotUndo: 'この操作は取り消せません。',
    yes: 'はい',
    no: 'いいえ',
    auditGap: {
      title: '保存しましたが、監査ログに記録できませんでした',
      body: '変更は反映されましたが、監査ログに記録できませんでした。何をいつ変更したか、セキュリティ担当者に伝えてください。',
    },
  },
  dashboard: {
    title: '管理',
    intro: '事案を登録し、ハッシュ一覧を読み込んで公開し、スタッフのアカウントとAPIトークンを管理します。',
    facts: (incidents, exposures, published, lists) =>
      `事案 ${count(incidents)} 件、対象グループ ${count(exposures)} 件（公開中 ${count(published)} 件）、` +
      `読み込み済みのハッシュ一覧 ${count(lists)} 件。`,
    sections: {
      incidents: {
        title: '事案と対象グループ',
        body: '流出事案と、その影響を受けた人のグループを登録し、ハッシュ一覧の読み込み・公開・削除を行います。',
      },
      staff: { title: 'スタッフ', body: 'アカウントの作成、役割の変更、無効化、パスワードの再設定を行います。' },
      tokens: { title: 'APIトークン', body: 'npm run load-list などのスクリプトで使う、ご自身のトークンです。' },
      audit: { title: '監査ログ', body: '誰が、いつ、何をしたか（照会、変更、サインイン）。' },
      stats: { title: '統計', body: '一般の照会の日別件数と、対象グループごとの該当件数（件数のみ）。' },
      check: { title: 'アドレスの照会', body: 'サポート画面：問い合わせ番号を付けて、お客様の代わりにアドレスを照会します。' },
    },
  },
};
