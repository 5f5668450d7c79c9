/**
 * Saved profiles and the account's own data. Every function takes the Prisma client and
 * `{ userId, … }`, and the user id is part of each query's where clause: an id that is
 * not the caller's matches no row (null / false), it is never loaded and then checked.
 * The app calls the wrappers of ./server.ts, which use db() and the session's user.
 */
export { createProfile } from "./create-profile";
export { deleteAccount } from "./delete-account";
export { deleteProfile } from "./delete-profile";
export { copyName, duplicateProfile } from "./duplicate-profile";
export { MAX_SAVED_PROFILES, PROFILE_NOT_FOUND_MESSAGE, ProfileLimitError } from "./errors";
export { exportUserData } from "./export-user-data";
export { getProfile } from "./get-profile";
export { LAST_RUN_TOP, lastRunOf } from "./last-run";
export { listProfiles } from "./list-profiles";
export { renameProfile } from "./rename-profile";
export { rerunProfile } from "./rerun-profile";
export { runChanges } from "./run-changes";
export type { CompareProfile, Figures, MoneyChange, OfferFigures, OfferLabel, RerunResult, RunChanges, SavedProfileDto, UserDataExport } from "./types";
