import type { AgreementInput } from "@commitments/core";
import { cite, tannerSeed as T } from "../sources.ts";
import { peacekeeping } from "./common.ts";

const donbasDebates = cite(
  T,
  peacekeeping,
  "The 2017 debates on peacekeeping in the Donbas region epitomise this deadlock. Russia proposed a narrowly scoped mission involving lightly armed UN troops whose role would be limited to protecting OSCE monitors along the line of contact.",
);
const complianceMonitoring = cite(
  T,
  peacekeeping,
  "However, if deemed acceptable by the parties – as was the case with the OSCE Special Monitoring Mission to Ukraine (SMM) – international forces can serve as third-party compliance monitoring and reporting agents, thereby raising the costs of ceasefire violations.",
);
const remoteMonitoring = cite(
  T,
  peacekeeping,
  "The OSCE SMM pioneered the deployment of drones, cameras, acoustic sensors and satellite imagery.",
);

export const osceSpecialMonitoringMission: AgreementInput = {
  id: "osce-special-monitoring-mission",
  title: "OSCE Special Monitoring Mission to Ukraine (SMM)",
  shortTitle: "OSCE SMM",
  titleUk: "Спеціальна моніторингова місія ОБСЄ в Україні (СММ)",
  shortTitleUk: "СММ ОБСЄ",
  summary:
    "Accepted by the parties, it served as a third-party compliance monitoring and reporting agent, raising the costs of ceasefire violations; it pioneered remote monitoring with drones, cameras, acoustic sensors and satellite imagery. Monitoring without enforcement falls short of robust peacekeeping. The seeds give neither its start nor its end.",
  guarantors: ["OSCE"],
  beneficiaries: ["UA"],
  instrumentType: "political_commitment",
  attributes: {
    form: "peace_operation",
    enforcementCapacity: false,
  },
  provisions: [],
  statusHistory: [
    {
      status: "in_force",
      date: "2017",
      dateBasis: "reported",
      note: "Reported at work in 2017, when OSCE monitors were along the line of contact; the seeds give neither its start nor its end, and speak of it in the past tense.",
      sources: [donbasDebates],
    },
  ],
  sources: [complianceMonitoring, remoteMonitoring],
};
