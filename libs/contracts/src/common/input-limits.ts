/*
 * Dependency-free on purpose: the CLI package (apps/cli) bundles this file to validate `tminus apply` files with
 * the same rules as the gateway and the deciders.
 */

/**
 * Every limit on what a command carries, written once: the gateway validates with these (early, clear
 * messages) and the deciders decide with them, so a request the gateway accepts is never refused by a
 * service for its size or shape. Lengths count characters after trimming.
 */
export const INPUT_LIMITS = {
  /** Ids and references: launch, team, checklist, item, incident and user ids. */
  id: 200,
  /** Names and titles: launch, team and template names; item and incident titles. */
  name: 200,
  /** Free text of the launches service: description, go/no-go notes, cancellation reason, resolution. */
  launchText: 4_000,
  /** A checklist (or template) item's description. */
  itemDescription: 2_000,
  /** The reason of a waiver, of its rejection, of a block. */
  checklistReason: 1_000,
  /** An evidence URL (http or https). */
  evidenceUrl: 2_048,
  /** Hypercare length in days (from 1). */
  hypercareDays: 365,
  /** Items in one checklist template. */
  templateItems: 200,
  /** Distinct leads whose sign-off a required team may need. */
  signOffsRequired: 20,
  /** Days before the launch an item (or template item) may be due. */
  dueDaysBeforeLaunch: 365,
} as const;

/**
 * An environment name (gate policies, gate checks, GitHub mappings): lower case, 1 to 63 letters,
 * digits, dots, dashes or underscores, starting with a letter or digit.
 */
export const ENVIRONMENT_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A key (launch, team): 2 to 64 lower-case letters, digits or dashes, starting with a letter or digit. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** A CI check's name: a slug, so it reads the same in YAML, URLs and CI configuration. */
export const CHECK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
