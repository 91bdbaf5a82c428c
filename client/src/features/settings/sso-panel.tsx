import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { ROLES, type Role } from "../../../../shared/roles.ts";
import type { SsoRule, SsoSettings } from "../../../../shared/schemas/sso.ts";
import { FormFooter } from "../../components/ui/form-footer.tsx";
import { LabelledInput } from "../../components/ui/labelled-field.tsx";
import { OrganizationSelect } from "../../components/ui/organization-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

function RoleSelect({
  id,
  value,
  onChange,
  label,
  noneLabel,
}: {
  id?: string;
  value: Role | null;
  onChange(role: Role | null): void;
  label: string;
  noneLabel: string;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      aria-label={label}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value === "" ? null : (event.target.value as Role))}
    >
      <option value="">{noneLabel}</option>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </select>
  );
}

/** How the identity provider's claims become roles and organisations here (decisions/020). */
export function SsoPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const config = useQuery(trpc.system.config.queryOptions());
  const settings = useQuery(trpc.workspace.ssoSettings.queryOptions());
  const [form, setForm] = useState<SsoSettings | null>(null);
  const [domains, setDomains] = useState("");
  useEffect(() => {
    if (settings.data) {
      setForm(settings.data);
      setDomains(settings.data.defaultEmailDomains.join(", "));
    }
  }, [settings.data]);
  const save = useMutation(
    trpc.workspace.updateSsoSettings.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.ssoSettings.queryKey() }),
    }),
  );
  const provider = config.data?.sso?.name ?? null;
  const setRule = (index: number, rule: Partial<SsoRule>) =>
    form && setForm({ ...form, rules: form.rules.map((r, i) => (i === index ? { ...r, ...rule } : r)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form)
      save.mutate({
        ...form,
        defaultEmailDomains: domains
          .split(/[\s,;]+/)
          .map((domain) => domain.replace(/^@/, ""))
          .filter((domain) => domain !== ""),
        defaultRequiredValue: form.defaultRequiredValue?.trim() || null,
      });
  };
  return (
    <Panel title={t("sso.title")} titleId="sso-title" isLoading={settings.isPending} error={settings.error}>
      {provider ? (
        <p className="muted small">{t("sso.intro", { name: provider })}</p>
      ) : (
        <p className="notice small">{t("sso.notConfigured")}</p>
      )}
      {form ? (
        <form className="stack-form" onSubmit={submit} data-testid="sso-settings">
          <label className="checkbox-label">
            <input
              type="checkbox"
              checked={form.isEnabled}
              onChange={(event) => setForm({ ...form, isEnabled: event.target.checked })}
            />
            {t("sso.enabled")}
          </label>
          <LabelledInput
            label={t("sso.claim")}
            value={form.claim}
            aria-describedby="sso-claim-hint"
            onChange={(event) => setForm({ ...form, claim: event.target.value })}
          />
          <p className="muted small" id="sso-claim-hint">
            {t("sso.claimHint")}
          </p>
          <fieldset>
            <legend>{t("sso.rules")}</legend>
            {form.rules.map((rule, index) => {
              const n = index + 1;
              const name = t("sso.rule", { n });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is their identity.
                <div className="form-row" key={index} data-testid="sso-rule">
                  <LabelledInput
                    label={`${name}: ${t("sso.value")}`}
                    value={rule.value}
                    required
                    onChange={(event) => setRule(index, { value: event.target.value })}
                  />
                  <RoleSelect
                    label={`${name}: ${t("sso.role")}`}
                    noneLabel={t("sso.none")}
                    value={rule.role}
                    onChange={(role) => setRule(index, { role })}
                  />
                  <OrganizationSelect
                    label={`${name}: ${t("sso.organization")}`}
                    value={rule.organizationId ?? ""}
                    onChange={(id) => setRule(index, { organizationId: id === "" ? null : id })}
                  />
                  <button
                    type="button"
                    onClick={() => setForm({ ...form, rules: form.rules.filter((_, i) => i !== index) })}
                  >
                    {t("sso.removeRule", { n })}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              onClick={() =>
                setForm({
                  ...form,
                  rules: [...form.rules, { value: "", role: "viewer", organizationId: null }],
                })
              }
            >
              {t("sso.addRule")}
            </button>
          </fieldset>
          <div>
            <label className="field-label" htmlFor="sso-default-role">
              {t("sso.defaultRole")}
            </label>
            <RoleSelect
              id="sso-default-role"
              label={t("sso.defaultRole")}
              noneLabel={t("sso.defaultRoleNone")}
              value={form.defaultRole}
              onChange={(defaultRole) => setForm({ ...form, defaultRole })}
            />
          </div>
          <div>
            <label className="field-label" htmlFor="sso-default-organization">
              {t("sso.defaultOrganization")}
            </label>
            <OrganizationSelect
              id="sso-default-organization"
              value={form.defaultOrganizationId ?? ""}
              onChange={(id) => setForm({ ...form, defaultOrganizationId: id === "" ? null : id })}
            />
          </div>
          <p className="muted small" id="sso-default-limit">
            {t("sso.defaultLimit")}
          </p>
          <LabelledInput
            label={t("sso.defaultEmailDomains")}
            value={domains}
            aria-describedby="sso-default-limit sso-domains-hint"
            onChange={(event) => setDomains(event.target.value)}
          />
          <p className="muted small" id="sso-domains-hint">
            {t("sso.defaultEmailDomainsHint")}
          </p>
          <LabelledInput
            label={t("sso.defaultRequiredValue")}
            value={form.defaultRequiredValue ?? ""}
            aria-describedby="sso-default-limit"
            onChange={(event) =>
              setForm({
                ...form,
                defaultRequiredValue: event.target.value === "" ? null : event.target.value,
              })
            }
          />
          <FormFooter
            error={save.error}
            status={save.isSuccess ? t("sso.saved") : undefined}
            isPending={save.isPending}
            submitLabel={t("sso.save")}
          />
        </form>
      ) : null}
    </Panel>
  );
}
