import { sendAdminRequest } from './admin-request';
import { apiAnswerError } from './api-answer-error';
import { exposurePath, type AdminTarget } from './admin-target';

/** `POST /api/v1/admin/exposures/{id}/publish`: the exposure starts answering public checks. */
export async function publishExposure(target: AdminTarget, exposureId: string): Promise<void> {
  const response = await sendAdminRequest(target, { method: 'POST', path: exposurePath(exposureId, '/publish') });
  if (response.status !== 200) throw apiAnswerError(response, { exposureId });
}
