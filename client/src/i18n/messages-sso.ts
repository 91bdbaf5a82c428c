// The words of single sign-on: the login page's button and refusals, the settings panel, the log (decisions/020).

export const ssoSv = {
  "login.sso": "Logga in med {name}",
  "login.or": "eller med e-post och lösenord",
  "login.ssoFailed.not_configured":
    "Inloggning via organisationens konto är inte inställd för den här installationen.",
  "login.ssoFailed.workspace_not_enabled": "Arbetsytan tar inte emot inloggning via organisationens konto.",
  "login.ssoFailed.state_mismatch":
    "Inloggningen kunde inte kontrolleras (den var för gammal eller startades i en annan webbläsare). Försök igen.",
  "login.ssoFailed.provider_error":
    "Inloggningen hos identitetsleverantören avbröts eller misslyckades. Försök igen.",
  "login.ssoFailed.no_mapping":
    "Ditt konto ger ingen roll i någon arbetsyta här. Be arbetsytans administratör att ge dig behörighet, eller att lägga till din grupp under Inställningar → Inloggning med organisationens konto.",
  "login.ssoFailed.no_organization":
    "Ditt konto ger rollen medlem men ingen organisation. Be arbetsytans administratör att koppla din grupp till en organisation.",
  "login.ssoFailed.no_email":
    "Identitetsleverantören skickade ingen e-postadress för ditt konto, så inget konto kunde skapas. Be IT lägga till claimet email.",
  "login.ssoFailed.email_conflict":
    "Det finns redan ett konto med din e-postadress, och identitetsleverantören har inte intygat adressen. Logga in med lösenord, eller be en administratör om hjälp.",
  "login.ssoFailed.system_admin":
    "Det finns ett systemadministratörskonto med din e-postadress. Det kopplas aldrig automatiskt till en inloggning via organisationens konto: logga in med lösenord.",
  "login.ssoFailed.deactivated":
    "Kontot är avstängt i alla arbetsytor det hör till. Kontakta arbetsytans administratör.",
  "sso.title": "Inloggning med organisationens konto",
  "sso.intro":
    "Personer loggar in med kommunens eller organisationens konto ({name}). Här bestäms vilka som kommer in och med vilken roll: ett värde i claimet (en grupp eller roll hos identitetsleverantören) ger en roll, en organisation eller båda. Ett medlemskap som inloggningen har gett följer claimet vid varje inloggning: den som inte längre matchar någon regel får standardrollen (om den gäller dem) eller stängs av. Det du själv ändrar i Medlemmar står kvar, och den sista aktiva administratören tas aldrig bort.",
  "sso.notConfigured":
    "Installationen har ingen identitetsleverantör (OIDC_ISSUER). Inställningarna sparas men används först när den finns; se README, avsnittet Single sign-on.",
  "sso.enabled": "Ta emot inloggning via organisationens konto i den här arbetsytan",
  "sso.claim": "Claim med grupper eller roller",
  "sso.claimHint": "Till exempel groups, roles (Entra ID) eller realm_access.roles (Keycloak).",
  "sso.rules": "Regler",
  "sso.rule": "Regel {n}",
  "sso.value": "Värde i claimet",
  "sso.role": "Roll",
  "sso.organization": "Organisation",
  "sso.none": "—",
  "sso.addRule": "Lägg till regel",
  "sso.removeRule": "Ta bort regel {n}",
  "sso.defaultRole": "Standardroll för den som inte matchar någon regel",
  "sso.defaultRoleNone": "Ingen: de nekas med ett meddelande",
  "sso.defaultOrganization": "Standardorganisation",
  "sso.defaultLimit":
    "En standardroll måste begränsas, annars får alla som identitetsleverantören känner till den (på en installation för flera kommuner också andra kommuners personal). Ange e-postdomäner, ett värde som claimet måste innehålla, eller båda: då måste båda stämma.",
  "sso.defaultEmailDomains": "Standardrollen bara för e-postdomäner",
  "sso.defaultEmailDomainsHint":
    "Till exempel falun.se, avgränsade med komma. Gäller bara adresser som identitetsleverantören har intygat (email_verified, eller OIDC_TRUST_EMAIL).",
  "sso.defaultRequiredValue": "Standardrollen bara med värdet i claimet",
  "sso.save": "Spara inloggningsinställningar",
  "sso.saved": "Inloggningsinställningarna är sparade.",
  "audit.action.member_provisioned": "Medlem skapad via inloggning",
  "audit.action.member_change_withheld": "Ändring via inloggning stoppad",
  "audit.detail.sso_system_admin": "Systemadministratörens konto kopplas inte automatiskt",
  "audit.detail.sso_last_admin": "Sista aktiva administratören behålls",
  "audit.detail.sso": "Via organisationens konto",
  "audit.detail.sso_no_mapping": "Ingen regel gav en roll",
  "audit.detail.sso_no_organization": "Medlem utan organisation",
  "audit.detail.sso_no_email": "Ingen e-postadress från identitetsleverantören",
  "audit.detail.sso_email_conflict": "E-postadressen finns redan och är inte intygad",
  "audit.detail.sso_state_mismatch": "Inloggningens kontrollvärde stämde inte",
  "audit.detail.sso_provider_error": "Fel hos identitetsleverantören",
} as const;

export const ssoEn: Record<keyof typeof ssoSv, string> = {
  "login.sso": "Sign in with {name}",
  "login.or": "or with email and password",
  "login.ssoFailed.not_configured":
    "Sign-in with your organisation's account is not set up for this installation.",
  "login.ssoFailed.workspace_not_enabled":
    "The workspace does not accept sign-in with your organisation's account.",
  "login.ssoFailed.state_mismatch":
    "The sign-in could not be checked (it was too old or started in another browser). Please try again.",
  "login.ssoFailed.provider_error":
    "Signing in at the identity provider was cancelled or failed. Please try again.",
  "login.ssoFailed.no_mapping":
    "Your account gives you no role in any workspace here. Ask the workspace's administrator for access, or to add your group under Settings → Sign-in with your organisation's account.",
  "login.ssoFailed.no_organization":
    "Your account gives the member role but no organisation. Ask the workspace's administrator to link your group to an organisation.",
  "login.ssoFailed.no_email":
    "The identity provider sent no email address for your account, so no account could be made. Ask IT to add the email claim.",
  "login.ssoFailed.email_conflict":
    "An account with your email address already exists, and the identity provider has not verified the address. Sign in with your password, or ask an administrator for help.",
  "login.ssoFailed.system_admin":
    "A system administrator's account has your email address. It is never joined to a sign-in with the organisation's account automatically: sign in with your password.",
  "login.ssoFailed.deactivated":
    "The account is deactivated in every workspace it belongs to. Contact the workspace's administrator.",
  "sso.title": "Sign-in with your organisation's account",
  "sso.intro":
    "People sign in with their kommun's or organisation's account ({name}). Here you decide who gets in and with which role: a value of the claim (a group or role at the identity provider) gives a role, an organisation or both. A membership the sign-in gave follows the claim at every sign-in: whoever no longer matches a rule gets the default role (where it applies to them) or is deactivated. What you change yourself in Members stands, and the last active admin is never removed.",
  "sso.notConfigured":
    "The installation has no identity provider (OIDC_ISSUER). The settings are saved but used only once it has one; see the README, section Single sign-on.",
  "sso.enabled": "Accept sign-in with the organisation's account in this workspace",
  "sso.claim": "Claim with groups or roles",
  "sso.claimHint": "For example groups, roles (Entra ID) or realm_access.roles (Keycloak).",
  "sso.rules": "Rules",
  "sso.rule": "Rule {n}",
  "sso.value": "Value of the claim",
  "sso.role": "Role",
  "sso.organization": "Organisation",
  "sso.none": "—",
  "sso.addRule": "Add a rule",
  "sso.removeRule": "Remove rule {n}",
  "sso.defaultRole": "Default role for whoever matches no rule",
  "sso.defaultRoleNone": "None: they are refused with a message",
  "sso.defaultOrganization": "Default organisation",
  "sso.defaultLimit":
    "A default role must be limited, or everyone the identity provider knows gets it (on an installation for several kommuner, other kommuners' staff too). Give email domains, a value the claim must hold, or both: then both must hold.",
  "sso.defaultEmailDomains": "Default role only for email domains",
  "sso.defaultEmailDomainsHint":
    "For example falun.se, separated by commas. Only addresses the identity provider has verified count (email_verified, or OIDC_TRUST_EMAIL).",
  "sso.defaultRequiredValue": "Default role only with this value in the claim",
  "sso.save": "Save sign-in settings",
  "sso.saved": "The sign-in settings are saved.",
  "audit.action.member_provisioned": "Member created at sign-in",
  "audit.action.member_change_withheld": "Change at sign-in withheld",
  "audit.detail.sso_system_admin": "A system administrator's account is not joined automatically",
  "audit.detail.sso_last_admin": "The last active admin is kept",
  "audit.detail.sso": "With the organisation's account",
  "audit.detail.sso_no_mapping": "No rule gave a role",
  "audit.detail.sso_no_organization": "Member without an organisation",
  "audit.detail.sso_no_email": "No email address from the identity provider",
  "audit.detail.sso_email_conflict": "The email address exists and is not verified",
  "audit.detail.sso_state_mismatch": "The sign-in's check value did not match",
  "audit.detail.sso_provider_error": "Error at the identity provider",
};
