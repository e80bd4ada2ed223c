/** The completeness rule lives with registration; the templates only need its labels. */
export {
  PROFILE_FIELDS,
  PROFILE_FIELD_LABELS,
  isProfileComplete,
  missingProfileFieldLabels,
  missingProfileFields,
  type ProfileFacts,
  type ProfileField,
} from "@/lib/registration/profile-completeness";
