import { DATA_CLASSES, type DataClass } from '../catalog/data-classes';
import { textIn, type Language } from '../catalog/localized-text';
import type { CheckResult, ExposureWithIncident } from './check-result';

/** Plain strings for the template: the template only lays out, it decides nothing. */
export interface ExposureCard {
  id: string;
  organization: string;
  incidentTitle: string;
  title: string;
  description: string;
  dataExposed: string[];
  dataNotExposed: string[];
  affectedCount: number | undefined;
  attackWindow: string;
  announcedOn: string;
  advice: string;
}

export interface ResultView {
  affected: boolean;
  matches: ExposureCard[];
  checked: ExposureCard[];
  notCheckable: ExposureCard[];
}

export function resultView(result: CheckResult, language: Language): ResultView {
  const card = (exposure: ExposureWithIncident): ExposureCard => ({
    id: exposure.id,
    organization: textIn(exposure.incident.organization, language),
    incidentTitle: textIn(exposure.incident.title, language),
    title: textIn(exposure.title, language),
    description: textIn(exposure.description, language),
    dataExposed: exposure.dataExposed.map((dataClass) => label(dataClass, language)),
    dataNotExposed: exposure.dataNotExposed.map((dataClass) => label(dataClass, language)),
    affectedCount: exposure.affectedCount,
    attackWindow: windowText(exposure.incident.attackWindow),
    announcedOn: exposure.incident.announcedOn ?? '',
    advice: textIn(exposure.advice, language),
  });
  return {
    affected: result.affected,
    matches: result.exposures.map(card),
    checked: result.checked.map(card),
    notCheckable: result.notCheckableByEmail.map(card),
  };
}

function label(dataClass: DataClass, language: Language): string {
  return DATA_CLASSES[dataClass][language];
}

function windowText(window: { from?: string; to?: string } | undefined): string {
  if (window === undefined) return '';
  return `${window.from ?? '?'} – ${window.to ?? '?'}`;
}
