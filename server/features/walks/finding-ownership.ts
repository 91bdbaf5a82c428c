import { type Actor, ownsRecord } from "../access/ownership.ts";

/** Which organisations a finding belongs to (docs/decisions/011). */
export type FindingOwnership = {
  ownerOrganizationId: string | null;
  recordedByOrganizationId: string | null;
};

/** Who may change a finding: its owner organisation once it has one, before that the recorder's. */
export const changingOrganization = (finding: FindingOwnership) =>
  finding.ownerOrganizationId ?? finding.recordedByOrganizationId;

/** Who may read its free text, names and photos: the owner's and the recorder's organisations. */
export const canSeeFindingDetail = (actor: Actor, finding: FindingOwnership) =>
  ownsRecord(actor, [finding.ownerOrganizationId, finding.recordedByOrganizationId]);
