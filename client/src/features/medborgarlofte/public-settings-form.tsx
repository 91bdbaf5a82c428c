import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { FormFooter } from "../../components/ui/form-footer.tsx";
import { MultiSelect, type Option } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * An admin chooses what the public page shows besides the promises: incident trends by crime type
 * and area (none inside another; the server refuses such a choice) and the count of fixed problems.
 */
export function PublicSettingsForm() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const settings = useQuery(trpc.medborgarlofte.publicSettings.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const areaOptions = useAreaOptions("all");
  const [form, setForm] = useState({
    categoryCodes: [] as string[],
    areaCodes: [] as string[],
    showsFixedProblems: false,
  });
  const [saved, setSaved] = useState("");
  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);
  const save = useMutation(
    trpc.medborgarlofte.setPublicSettings.mutationOptions({
      onSuccess: (next) => {
        setForm(next);
        setSaved(t("lofte.settings.saved"));
      },
    }),
  );
  const depthOf = new Map<string, number>();
  const categoryOptions: Option[] = (categories.data ?? []).map((category) => {
    const depth = category.parentId ? (depthOf.get(category.parentId) ?? 0) + 1 : 0;
    depthOf.set(category.id, depth);
    return { value: category.code, label: locale === "sv" ? category.nameSv : category.nameEn, depth };
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    save.mutate(form);
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby="lofte-settings-title">
      <h2 id="lofte-settings-title">{t("lofte.settings.title")}</h2>
      <p className="muted small">{t("lofte.settings.intro")}</p>
      <div className="form-row">
        <MultiSelect
          label={t("lofte.settings.categories")}
          options={categoryOptions}
          selected={form.categoryCodes}
          onChange={(categoryCodes) => setForm({ ...form, categoryCodes })}
          emptyLabel={t("lofte.form.none")}
        />
        <MultiSelect
          label={t("lofte.settings.areas")}
          options={areaOptions}
          selected={form.areaCodes}
          onChange={(areaCodes) => setForm({ ...form, areaCodes })}
          emptyLabel={t("lofte.form.none")}
        />
      </div>
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={form.showsFixedProblems}
          onChange={(e) => setForm({ ...form, showsFixedProblems: e.target.checked })}
        />{" "}
        {t("lofte.settings.fixed")}
      </label>
      <FormFooter
        error={save.error}
        status={saved}
        isPending={save.isPending}
        submitLabel={t("lofte.settings.save")}
      />
    </form>
  );
}
