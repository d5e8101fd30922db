import type { AgreementInput } from "@commitments/core";
import { budapestMemorandum1994 } from "./agreements/budapest-memorandum-1994.ts";
import { denmarkUkraine2024 } from "./agreements/denmark-ukraine-2024.ts";
import { euJointSecurityCommitments2024 } from "./agreements/eu-joint-security-commitments-2024.ts";
import { eumamUkraine } from "./agreements/eumam-ukraine.ts";
import { europeanPeaceFacility } from "./agreements/european-peace-facility.ts";
import { franceUkraine2024 } from "./agreements/france-ukraine-2024.ts";
import { g7JointDeclaration2023 } from "./agreements/g7-joint-declaration-2023.ts";
import { germanyUkraine2024 } from "./agreements/germany-ukraine-2024.ts";
import { istanbulDraftTreaty2022 } from "./agreements/istanbul-draft-treaty-2022.ts";
import { minskAgreements } from "./agreements/minsk-agreements.ts";
import { natoArticle5 } from "./agreements/nato-article-5.ts";
import { natoUkraineCouncil } from "./agreements/nato-ukraine-council.ts";
import { netherlandsUkraine2024 } from "./agreements/netherlands-ukraine-2024.ts";
import { nsatu } from "./agreements/nsatu.ts";
import { osceSpecialMonitoringMission } from "./agreements/osce-special-monitoring-mission.ts";
import { reassuranceForceProposal } from "./agreements/reassurance-force-proposal.ts";
import { ukUkraine2024 } from "./agreements/uk-ukraine-2024.ts";
import { ukraineCompact2024 } from "./agreements/ukraine-compact-2024.ts";
import { ukraineFacility } from "./agreements/ukraine-facility.ts";
import { usSouthKoreaTreaty } from "./agreements/us-south-korea-treaty.ts";
import { usUkraine2024 } from "./agreements/us-ukraine-2024.ts";

/*
 * The reference agreements: every agreement, institution and instrument the two seeds name as part of Ukraine's
 * security architecture, or as the reference points Table 1 measures it against. One module per instrument in
 * ./agreements/, each quote of a seed written once there (or in common.ts when several instruments cite it).
 *
 * Rules kept throughout:
 * - Attributes record only what the seeds establish; an attribute the seeds leave open is left out, and the
 *   classifier reads it as "not established".
 * - Dates carry the precision the seeds give ("mid-February 2024" is "2024-02"). Where the seeds give no date for a
 *   step the schema requires, the step is dated to the seed that reports it and the note says so.
 * - No figure without a source: amounts appear only where a seed states them.
 * - A typed provision is recorded only when the seeds establish every field it requires; a required yes/no the
 *   seeds leave open would otherwise be recorded as a false "no".
 *
 * The order is the dataset's: its hash, and so whether a store reloads it, depends on it.
 */
export const referenceAgreements: AgreementInput[] = [
  g7JointDeclaration2023,
  ukUkraine2024,
  franceUkraine2024,
  germanyUkraine2024,
  denmarkUkraine2024,
  netherlandsUkraine2024,
  usUkraine2024,
  euJointSecurityCommitments2024,
  ukraineFacility,
  europeanPeaceFacility,
  eumamUkraine,
  natoUkraineCouncil,
  nsatu,
  ukraineCompact2024,
  budapestMemorandum1994,
  istanbulDraftTreaty2022,
  minskAgreements,
  osceSpecialMonitoringMission,
  reassuranceForceProposal,
  usSouthKoreaTreaty,
  natoArticle5,
];
