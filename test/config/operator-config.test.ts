import { loadConfig } from '../../src/config/config';
import { configErrorOf as errorOf } from '../support/config-error';

const URL_OK = 'https://www.example.co.jp/news/2026/0401.html';

describe('operator identity configuration', () => {
  it('when no operator variable is set, then there is no operator (demo mode says it is a demonstration)', () => {
    expect(loadConfig({}).operator).toBeUndefined();
    expect(loadConfig({ OPERATOR_NAME_JA: ' ', OPERATOR_NAME_EN: '', OPERATOR_URL: '' }).operator).toBeUndefined();
  });

  it('when names in both languages and the announcement URL are set, then all are kept', () => {
    const config = loadConfig({
      OPERATOR_NAME_JA: ' 例モーターズ株式会社 ',
      OPERATOR_NAME_EN: 'Example Motors Co., Ltd.',
      OPERATOR_URL: URL_OK,
    });

    expect(config.operator).toEqual({
      name: { ja: '例モーターズ株式会社', en: 'Example Motors Co., Ltd.' },
      url: URL_OK,
    });
  });

  it('when only one language is named, then only that one is kept (pages fall back to it)', () => {
    expect(loadConfig({ OPERATOR_NAME_EN: 'Example Motors', OPERATOR_URL: URL_OK }).operator).toEqual({
      name: { en: 'Example Motors' },
      url: URL_OK,
    });
  });

  it.each([
    [{ OPERATOR_URL: URL_OK }, /OPERATOR_URL is set but neither OPERATOR_NAME_JA nor OPERATOR_NAME_EN/],
    [{ OPERATOR_NAME_JA: '例モーターズ' }, /OPERATOR_URL is required with OPERATOR_NAME_JA or OPERATOR_NAME_EN/],
    [{ OPERATOR_NAME_JA: '例', OPERATOR_URL: 'http://www.example.co.jp/' }, /OPERATOR_URL must be an https:\/\/ URL/],
    [{ OPERATOR_NAME_JA: '例', OPERATOR_URL: 'www.example.co.jp' }, /OPERATOR_URL must be an https:\/\/ URL/],
    [{ OPERATOR_NAME_JA: '例', OPERATOR_URL: 'https://user:pw@example.co.jp/' }, /OPERATOR_URL must be an https:\/\/ URL/],
    [{ OPERATOR_NAME_EN: 'x'.repeat(101), OPERATOR_URL: URL_OK }, /OPERATOR_NAME_EN must be at most 100/],
  ])('when given %j, then start stops with a message naming the variable', (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });
});
