/**
 * Which source a pod volume uses. A volume with none is an emptyDir (API defaulting,
 * SetDefaults_Volume), which static pods never went through.
 */
import type { Volume } from '@kubelab/api';

export const SUPPORTED_VOLUME_KINDS = ['emptyDir', 'hostPath', 'configMap', 'secret', 'downwardAPI', 'projected'] as const;
export type SupportedVolumeKind = (typeof SUPPORTED_VOLUME_KINDS)[number];

export function volumeSourceKind(volume: Volume): string {
  for (const [key, value] of Object.entries(volume)) {
    if (key !== 'name' && value !== null && typeof value === 'object') return key;
  }
  return 'emptyDir';
}

export const isSupportedVolumeKind = (kind: string): kind is SupportedVolumeKind =>
  (SUPPORTED_VOLUME_KINDS as readonly string[]).includes(kind);

export function unsupportedVolumeMessage(kind: string): string {
  return `kubelab does not support ${kind} volumes (only ${SUPPORTED_VOLUME_KINDS.join(', ')})`;
}
