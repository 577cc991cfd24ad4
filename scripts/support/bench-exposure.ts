import type { HashingProfile } from '../../src/hashing/hashing-profile';

/** What a benchmark loads its list into: a fresh exposure, and the profile to hash for it. */
export interface BenchExposure {
  exposureId: string;
  profile: HashingProfile;
}

/** Creates an incident and an (unpublished) exposure through the admin API of a running server. */
export async function createBenchExposure(baseUrl: string, token: string, title: string): Promise<BenchExposure> {
  const call = async <T>(method: string, apiPath: string, body?: object): Promise<T> => {
    const response = await fetch(`${baseUrl}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const incident = await call<{ id: string }>('POST', '/api/v1/admin/incidents', { organization: 'Bench Motors', title });
  const exposure = await call<{ id: string }>('POST', `/api/v1/admin/incidents/${incident.id}/exposures`, {
    title: 'Newsletter sign-ups, 2015',
    dataExposed: ['email_address'],
  });
  return { exposureId: exposure.id, profile: await call<HashingProfile>('GET', '/api/v1/hashing-profile') };
}
