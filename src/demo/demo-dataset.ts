import type { Exposure, Incident } from '../catalog';

/**
 * The demo: two real, publicly announced incidents, described as announced (as far as the public
 * reporting cited in `sources` goes; DESIGN.md summarises it), with synthetic addresses
 * (example.jp / example.com only) standing in for the lists. No result is stored here: the
 * addresses go through the same hashing pipeline as a real list when seeded.
 *
 * What the reporting does not say stays unsaid: no attack window for Toyota, no count for
 * Porsche's catalog group alone, no claim about passwords. And no contacts: the demo is run by
 * neither company, and a hotline number made up for a real company would send a worried
 * customer to a wrong number.
 */
const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export const DEMO_INCIDENTS: Incident[] = [
  {
    id: 'porsche-japan-2018',
    organization: { en: 'Porsche Japan', ja: 'ポルシェ ジャパン株式会社' },
    title: {
      en: 'Unauthorized access to the Porsche Japan website server',
      ja: 'ポルシェ ジャパンのウェブサイトサーバーへの不正アクセス',
    },
    summary: {
      en:
        'An attacker accessed a server behind the Porsche Japan website and took the email addresses ' +
        'of about 28,700 customers: people who requested a catalog on the website between 2000 and 2009, ' +
        'and 5,568 who signed up for a promotion campaign in July 2015. Names, home addresses, phone numbers, annual incomes and vehicles ' +
        'owned were not taken.',
      ja:
        'ポルシェ ジャパンのウェブサイトのサーバーが不正アクセスを受け、約28,700人のお客様のメールアドレスが' +
        '流出しました。対象は、2000年から2009年までにウェブサイトでカタログを請求された方と、' +
        '2015年7月のプロモーションキャンペーンに登録された5,568人の方です。' +
        '氏名、住所、電話番号、年収、保有車両の情報は流出していません。',
    },
    attackWindow: { from: '2018-01-22', to: '2018-02-12' },
    // First announced on 26 February 2018, after Porsche AG alerted its Japanese unit on the 21st
    // (the second source). That first notice listed more data as possibly exposed; the later
    // reporting (the first source), which the card follows, says only email addresses were taken.
    announcedOn: '2018-02-26',
    sources: [
      'https://cybersecurity-insiders.com/porsche-admits-cyber-attack-and-data-breach-of-29k-japan-customers',
      'https://surgeworks.jp/pmark/?p=1941',
    ],
    status: 'announced',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'toyota-tokyo-dealers-2019',
    organization: { en: 'Toyota Tokyo dealer group', ja: 'トヨタ東京販売ホールディングス グループ' },
    title: {
      en: 'Unauthorized access to the servers of Toyota dealers in Tokyo',
      ja: '東京のトヨタ販売会社のサーバーへの不正アクセス',
    },
    summary: {
      en:
        'Servers of Toyota Tokyo Sales Holdings and several Toyota and Lexus dealers in Tokyo, holding records ' +
        'of up to 3.1 million customers, were accessed without authorization. Toyota had not yet determined ' +
        'what information was accessed. No financial information was stored on those servers.',
      ja:
        'トヨタ東京販売ホールディングスと、東京のトヨタ・レクサス販売会社複数社のサーバーが不正アクセスを受けました。' +
        '対象のサーバーには、最大310万人のお客様の情報が保存されていました。どの情報が閲覧されたかは、' +
        '公表の時点ではまだ分かっていません。クレジットカードなどの金融関連の情報は、これらのサーバーには保存されていませんでした。',
    },
    announcedOn: '2019-03-29',
    sources: [
      'https://cyberscoop.com/toyota-data-breach-japan-vietnam/',
      'https://www.itgovernance.co.uk/blog/toyota-suffers-second-data-breach-in-five-weeks',
    ],
    status: 'investigating',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
];

const PORSCHE_NOT_EXPOSED: Exposure['dataNotExposed'] = [
  'name',
  'postal_address',
  'phone_number',
  'annual_income',
  'vehicles_owned',
];

// Only what the announcement supports: the address was taken, so phishing is the risk. (It says
// nothing of passwords either way, so neither does this.)
const PHISHING_ADVICE = {
  en:
    'Be wary of emails that claim to come from Porsche Japan or a Porsche dealer and ask you to sign ' +
    'in, pay, or open an attachment. Open the Porsche Japan website yourself rather than through a link in an email.',
  ja:
    'ポルシェ ジャパンや販売店を名乗り、ログインや支払い、添付ファイルを開くよう求めるメールにご注意ください。' +
    'ポルシェ ジャパンのウェブサイトは、メールのリンクからではなく、ご自身で開いてください。',
};

const PORSCHE_TALKING_POINTS = {
  en:
    'Apologize first. Only the email address was taken for this group; the company confirmed that name, home ' +
    'address, phone number, annual income and vehicles owned were not. The announcement says nothing about ' +
    'passwords: do not say either way. The risk is phishing: Porsche Japan will not ask for a password, card ' +
    'number or payment by email. If the caller received a suspicious email, ask them not to open its links and ' +
    'to delete it. Log the call with its ticket reference.',
  ja:
    'まずお詫びを申し上げてください。このグループで流出したのはメールアドレスだけで、氏名・住所・電話番号・年収・' +
    '保有車両の情報は流出していないことが確認されています。パスワードについては公表で触れられていないため、' +
    'どちらとも申し上げないでください。心配なのはフィッシングです。ポルシェ ジャパンがメールでパスワード、' +
    'カード番号、支払いを求めることはありません。不審なメールを受け取った方には、リンクを開かずに削除するよう' +
    'お伝えください。通話は問い合わせ番号とともに記録してください。',
};

export const DEMO_EXPOSURES: Exposure[] = [
  {
    id: 'porsche-japan-2018-catalog',
    incidentId: 'porsche-japan-2018',
    title: { en: 'Catalog requests on the website, 2000-2009', ja: 'ウェブサイトでのカタログ請求（2000〜2009年）' },
    description: {
      en: 'People who requested a catalog on the Porsche Japan website between 2000 and 2009.',
      ja: '2000年から2009年までにポルシェ ジャパンのウェブサイトでカタログを請求された方',
    },
    window: { from: '2000-01-01', to: '2009-12-31' },
    dataExposed: ['email_address'],
    dataPossiblyExposed: [],
    dataNotExposed: PORSCHE_NOT_EXPOSED,
    advice: PHISHING_ADVICE,
    talkingPoints: PORSCHE_TALKING_POINTS,
    sensitive: false,
    published: true,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'porsche-japan-2018-promotion',
    incidentId: 'porsche-japan-2018',
    title: { en: 'Promotion campaign sign-ups, July 2015', ja: 'プロモーションキャンペーンへの登録（2015年7月）' },
    description: {
      en: 'People who signed up for a Porsche Japan promotion campaign in July 2015.',
      ja: '2015年7月にポルシェ ジャパンのプロモーションキャンペーンに登録された方',
    },
    window: { from: '2015-07-01', to: '2015-07-31' },
    dataExposed: ['email_address'],
    dataPossiblyExposed: [],
    dataNotExposed: PORSCHE_NOT_EXPOSED,
    affectedCount: 5_568,
    advice: PHISHING_ADVICE,
    talkingPoints: PORSCHE_TALKING_POINTS,
    sensitive: false,
    published: true,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
  {
    id: 'toyota-tokyo-dealers-2019-customers',
    incidentId: 'toyota-tokyo-dealers-2019',
    title: { en: 'Customers of the Tokyo dealers', ja: '東京の販売会社のお客様' },
    description: {
      en: 'Customers of the affected Toyota and Lexus dealers in Tokyo.',
      ja: '対象となった東京のトヨタ・レクサス販売会社のお客様',
    },
    // The list matches on the email address, so that is known; Toyota had not determined which of
    // the rest was accessed, only that no card data was on those servers.
    dataExposed: ['email_address'],
    dataPossiblyExposed: ['name', 'date_of_birth', 'occupation', 'employer', 'vehicles_owned'],
    dataNotExposed: ['payment_card', 'bank_account'],
    // "Up to 3.1 million": the records those servers held, not a count of people known to be affected.
    affectedCount: 3_100_000,
    affectedCountQualifier: 'upTo',
    advice: {
      en:
        'Be wary of calls, letters and emails that claim to come from Toyota or a dealer and ask for ' +
        'payment or card details. Toyota dealers do not ask for these by email.',
      ja:
        'トヨタや販売店を名乗り、支払いやカード情報を求める電話・郵便・メールにご注意ください。' +
        '販売店がメールでこれらを求めることはありません。',
    },
    talkingPoints: {
      en:
        'Apologize first. Toyota had not yet determined what was accessed: say that name, date of birth, occupation, ' +
        'employer and vehicles owned may have been, and that it is still being investigated. No card or bank ' +
        'details were stored on those servers. There is no list of addresses, so no check can tell whether this ' +
        'caller is among them: if they bought from or serviced a car at one of the Tokyo dealers, treat them as ' +
        'possibly affected. Warn of emails, calls and letters claiming to be from Toyota that ask for payment or card details.',
      ja:
        'まずお詫びを申し上げてください。どの情報が閲覧されたかは、公表の時点では分かっていません。氏名・生年月日・' +
        '職業・勤務先・保有車両の情報が流出した可能性があり、調査中であるとお伝えください。カード情報や口座情報は' +
        'これらのサーバーに保存されていませんでした。アドレスの一覧がないため、照合ではこの方が含まれるか分かりません。' +
        '東京の対象販売会社で車の購入や点検をされた方は、対象の可能性があるものとしてご案内ください。' +
        'トヨタを名乗って支払いやカード情報を求めるメール・電話・郵便にご注意いただくよう、お伝えください。',
    },
    sensitive: false,
    published: true,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
];

const GIVEN_NAMES = ['taro', 'hanako', 'ichiro', 'yuki', 'kenji', 'sakura', 'haruto', 'yui', 'sota', 'mei'];
const FAMILY_NAMES = ['yamada', 'suzuki', 'tanaka', 'sato', 'watanabe', 'ito', 'nakamura', 'kobayashi'];

function syntheticAddresses(domain: string, pick: (given: number, family: number) => boolean): string[] {
  const addresses: string[] = [];
  GIVEN_NAMES.forEach((given, g) =>
    FAMILY_NAMES.forEach((family, f) => {
      if (pick(g, f)) addresses.push(`${given}.${family}@${domain}`);
    }),
  );
  return addresses;
}

/** Plaintext synthetic addresses per exposure, hashed at load time like any real list. */
export const DEMO_LIST_ADDRESSES: Record<string, string[]> = {
  'porsche-japan-2018-catalog': [
    // Every other name, but not hanako.suzuki: she is the promotion-only example.
    ...syntheticAddresses('example.jp', (g, f) => (g + f) % 2 === 0 && !(g === 1 && f === 1)),
    'kenji.sato+porsche@example.jp',
    'yuki.tanaka@example.com',
  ],
  'porsche-japan-2018-promotion': [
    ...syntheticAddresses('example.com', (g, f) => (g * 3 + f) % 5 === 0),
    'hanako.suzuki@example.jp',
  ],
};
