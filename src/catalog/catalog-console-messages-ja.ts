import { formatCount } from '../console';
import type { CatalogConsoleMessages } from './catalog-console-messages';

const BILINGUAL_HINT = '日本語・英語のどちらか、または両方。片方が空のときは、もう一方の言語の文が表示されます。';
const DATES_PROBLEM = '日付は YYYY-MM-DD の形式です（日付の選択欄を使えばこの形式になります）。終わりを始まりより前にはできません。片方は空でもかまいません。';
const LONG_TEXT_PROBLEM = '各言語4,000文字までです。不要なら両方とも空にしてください。';

export const CATALOG_CONSOLE_JA: CatalogConsoleMessages = {
  done: {
    incidentCreated: '事案を作成しました。続けて、下で対象グループを追加してください。',
    incidentSaved: '事案を保存しました。',
    incidentDeleted: '事案を削除しました。',
    exposureCreated: '対象グループを非公開で作成しました。ハッシュ一覧を読み込み、準備ができたら公開してください。',
    exposureSaved: '対象グループを保存しました。',
    exposureDeleted: '対象グループとそのハッシュ一覧を削除しました。',
    published: '対象グループを公開しました。',
    unpublished: '対象グループを非公開にしました。',
    listDeleted: 'ハッシュ一覧を削除しました。行は一つも残っていません。',
  },
  incidentStatus: { investigating: '調査中', announced: '公表済み', resolved: '対応完了' },
  incidentFields: {
    organization: { label: '組織名', hint: `流出を公表した会社。${BILINGUAL_HINT}` },
    title: { label: '件名', hint: `何が起きたかを短く。${BILINGUAL_HINT}` },
    summary: { label: '概要', hint: 'お客様向けの説明：何が起き、会社がどう対応しているか。' },
    attackWindow: { label: '発生期間', hint: '不正アクセスなどがあった期間（分かっている範囲で）。' },
    announcedOn: { label: '公表日', hint: '会社が公表した日。' },
    sources: { label: '情報源', hint: '公表文などの公開情報：http:// または https:// のアドレスを1行に1つ、20行まで。' },
    contacts: {
      label: 'お客様向けのお問い合わせ先',
      hint:
        'お客様が担当者に連絡できる窓口です。この事案の確認結果の各カード、一覧になかったアドレスの結果ページ、' +
        'サポート画面に表示されます。どの項目も省略できます。',
    },
    status: { label: '状況', hint: 'お客様向けのページで事案の横に表示されます。' },
    from: '開始',
    to: '終了',
    contactParts: {
      phone: { label: '専用窓口の電話番号', hint: '会社が公表しているとおりに（例：0120-000-000）。スマートフォンではタップで発信できます。' },
      hours: { label: '受付時間', hint: '電話がつながる時間（例：「平日 9:00〜18:00」）。' },
      formUrl: { label: 'お問い合わせフォーム', hint: '会社のお問い合わせフォームのアドレス（http:// または https://）。' },
      announcementUrl: { label: '公式のお知らせ', hint: 'この事案についての会社の公式発表のアドレス（http:// または https://）。' },
    },
  },
  exposureFields: {
    title: { label: '名称', hint: `お客様が自分のことだと分かる言葉で：「ウェブサイトでカタログを請求した方（2000～2009年）」。${BILINGUAL_HINT}` },
    description: { label: '説明', hint: 'このグループに含まれる人の詳しい説明。' },
    advice: { label: '今すぐできること', hint: 'このグループの方にしていただきたいこと。流出した情報の種類ごとの対処方法は自動で加わります。' },
    talkingPoints: {
      label: '説明のポイント（スタッフ専用）',
      hint: 'この対象グループに該当したお客様に、サポートスタッフが伝えること。一般には表示されません。',
    },
    window: { label: '対象期間', hint: 'このグループを決める期間（登録・請求・購入など）。分かっている範囲で。' },
    dataExposed: { label: '流出した情報（確認済み）', hint: 'このグループについて流出したことが確認された情報の種類をすべて。1つ以上。' },
    dataPossiblyExposed: {
      label: '流出した可能性がある情報（調査中）',
      hint: '流出したかどうか会社がまだ確認できていないもの。お客様には「流出した可能性がある情報（調査中）」と伝えられます。',
    },
    dataNotExposed: { label: '流出していないことが確認された情報', hint: '会社が流出していないと確認したものだけ。お客様にもそう伝えられます。' },
    affectedCount: { label: '対象人数', hint: '分かっていれば、このグループの人数（例：28,700）。' },
    affectedCountQualifier: {
      label: '人数の示し方',
      hint: '公表のとおりに。「最大310万人」は「3,100,000人」とは違います。お客様にもそのとおりに表示されます。',
    },
    countQualifiers: { exactly: '正確な人数', about: '約（おおよその人数）', upTo: '最大（上限の人数）' },
    sensitive: {
      label: '機微な対象グループ',
      hint: '機微な対象グループは一般のページに表示されず、一般の照会にも答えません。サポートスタッフの照会でのみ表示されます。',
    },
    from: '開始',
    to: '終了',
  },
  incidentProblems: {
    organization: '組織名を日本語・英語のどちらか、または両方で入力してください（200文字まで）。',
    title: '件名を日本語・英語のどちらか、または両方で入力してください（200文字まで）。',
    summary: LONG_TEXT_PROBLEM,
    attackWindow: DATES_PROBLEM,
    announcedOn: '日付は YYYY-MM-DD の形式で入力するか、空にしてください。',
    sources: 'http:// または https:// のアドレスを1行に1つ、20行までです。',
    contacts:
      '電話番号は5〜15桁の数字で、空白・ハイフン・かっこと先頭の「+」を使えます。フォームと公式のお知らせは ' +
      'http:// または https:// のアドレスです。受付時間は各言語200文字までです。',
    status: '状況を選んでください。',
  },
  exposureProblems: {
    title: '名称を日本語・英語のどちらか、または両方で入力してください（200文字まで）。',
    description: LONG_TEXT_PROBLEM,
    advice: LONG_TEXT_PROBLEM,
    talkingPoints: LONG_TEXT_PROBLEM,
    window: DATES_PROBLEM,
    dataExposed: '流出した情報を1つ以上選んでください。',
    dataPossiblyExposed: '同じ種類の情報は「流出した」「流出した可能性がある」「流出していない」のうち1つにしか選べません。',
    dataNotExposed: '同じ種類の情報は「流出した」「流出した可能性がある」「流出していない」のうち1つにしか選べません。',
    affectedCount: '人数は0以上の整数（例：28,700）で入力するか、空にしてください。',
    affectedCountQualifier: '公表での人数の示し方を選び、人数も入力してください。',
    sensitive: 'チェックを入れるか、空のままにしてください。',
  },
  incidents: {
    title: '事案',
    intro: '事案とは公表された情報流出のことで、対象グループはその影響を受けた人のグループです。対象グループを公開するまで、一般には何も表示されません。',
    empty: '事案はまだありません。下のフォームで最初の1件を登録してください。',
    columns: { title: '件名', organization: '組織名', status: '状況', announced: '公表日', exposures: '対象グループ' },
    exposureCount: (total, published) => `${formatCount(total, 'ja')} 件（公開中 ${formatCount(published, 'ja')} 件）`,
    newHeading: '事案の新規登録',
    newIntro: '組織名と件名は必須です。ほかは後から入力できます。事案だけでは一般に表示されません。',
    create: '事案を登録',
  },
  incident: {
    back: '事案一覧',
    exposuresHeading: '対象グループ',
    noExposures: 'この事案には対象グループがまだありません。影響を受けた人のグループと、流出した情報を追加してください。',
    columns: { title: '対象グループ', publication: '公開', visibility: '表示範囲', list: 'ハッシュ一覧' },
    addHeading: '対象グループを追加',
    addIntro: '新しい対象グループは非公開で作られます。作成後にハッシュ一覧を読み込み、公開できます。',
    add: '対象グループを追加',
    detailsHeading: '事案の内容',
    save: '事案を保存',
    deleteHeading: '事案の削除',
    deleteBlocked: '対象グループがある事案は削除できません。先に対象グループを削除してください。',
    deleteLink: 'この事案を削除…',
    confirmTitle: (title) => `事案「${title}」を削除しますか？`,
    confirmBody: '事案とその文章がすべて消去されます。対象グループはありません。',
    confirmButton: '事案を削除',
  },
  exposure: {
    back: (incidentTitle) => `事案：${incidentTitle}`,
    stateHeading: '状態',
    id: 'ID',
    publication: '公開',
    visibility: '表示範囲',
    list: 'ハッシュ一覧',
    published: '公開中',
    unpublished: '非公開',
    publicVisibility: '一般',
    sensitiveVisibility: '機微：サポートスタッフのみ',
    listState: (version, rows) => `バージョン ${version}、${rows} 行`,
    noList: 'なし',
    detailsHeading: '対象グループの内容',
    save: '対象グループを保存',
    deleteHeading: '対象グループの削除',
    deleteIntro: '対象グループとその文章、ハッシュ一覧を削除します。',
    deleteLink: 'この対象グループを削除…',
    confirmTitle: (title) => `対象グループ「${title}」を削除しますか？`,
    confirmBody: (rows) =>
      rows === undefined
        ? '対象グループとその文章がすべて消去され、お客様にもサポートスタッフにも表示されなくなります。ハッシュ一覧はありません。'
        : `対象グループとその文章、ハッシュ一覧（${rows} 行、全バージョン）がすべて消去され、お客様にもサポートスタッフにも表示されなくなります。`,
    confirmButton: '対象グループを削除',
  },
  publication: {
    heading: '公開',
    publishedPublic: '公開中：一般のページに表示され、一般の照会とサポートスタッフの照会に答えます。',
    publishedSensitive: '機微な対象グループとして公開中：サポートスタッフの照会にだけ答え、一般には表示されません。',
    unpublished: '非公開：管理者にしか見えません。一般の照会もサポートスタッフの照会も、この対象グループを調べません。',
    noListWarning: 'ハッシュ一覧がありません。公開すると「メールアドレスでは確認できない」対象グループとして表示されます（該当していても見つかりません）。',
    publish: '公開する',
    unpublish: '非公開にする',
  },
};
