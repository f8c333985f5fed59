/**
 * "+ Visitor": who comes in, in a tap or two — a known person found by her alias (PersonPicker),
 * an anonymous visitor (gender, age bracket) or a group's head count. Each check-in goes through
 * the phone's queue (offline/field-queue.ts, kind `checkInToEvening`): sent at once with its
 * idempotency key, or kept encrypted and sent when the network returns; a retry never writes
 * twice. The outcome is said where the thumb is, by the screen that shows the list.
 */
import { encounterLimits } from "@maillage/domain";
import { checkInToEveningInput } from "@maillage/domain/inputs";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { MutationFailure } from "../../app/graphql.ts";
import { enumOptions, useT } from "../../app/i18n/index.tsx";
import type { AgeBracket, Gender } from "../../generated/enums.ts";
import { submitEntry } from "../../offline/field-queue.ts";
import { ChoiceChips } from "../../ui/ChipsField.tsx";
import { FieldSet } from "../../ui/Field.tsx";
import { Stepper } from "../../ui/Stepper.tsx";
import { PersonPicker, type PickedPerson } from "../encounters/PersonPicker.tsx";

type Mode = "PERSON" | "ANONYMOUS" | "GROUP";

/** What became of a check-in: sent, or kept on the phone; who it was (for the outcome's words). */
export interface CheckedIn {
  state: "sent" | "queued";
  who: string;
  personId: string | null;
}

export function CheckInPanel({
  eveningId,
  onCheckedIn,
  onClose,
}: {
  eveningId: string;
  onCheckedIn(outcome: CheckedIn): void;
  onClose(): void;
}) {
  const { t, enumLabel, failureMessage } = useT();
  const [mode, setMode] = useState<Mode>("PERSON");
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [gender, setGender] = useState<Gender | "">("");
  const [age, setAge] = useState<AgeBracket | "">("");
  const [headCount, setHeadCount] = useState(2);
  const [problem, setProblem] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement | null>(null);
  const legend = useRef<HTMLButtonElement>(null);
  // Opened: the search box takes the focus (the alias is typed at once).
  useEffect(() => {
    if (mode === "PERSON" && !person) searchBox.current?.focus();
  }, [mode, person]);
  const checkIn = useMutation({
    // Kept on the phone when there is no network: never held back waiting for one.
    networkMode: "always",
    mutationFn: async (): Promise<CheckedIn> => {
      const who =
        mode === "PERSON"
          ? (person?.alias ?? "")
          : mode === "GROUP"
            ? t("night.visitor.group", { count: headCount })
            : t("night.visitor.anonymous", {
                gender: gender ? enumLabel("Gender", gender) : "",
                age: age ? enumLabel("AgeBracket", age) : "",
              });
      const input = {
        eveningId,
        personId: mode === "PERSON" ? (person?.id ?? null) : null,
        anonymous:
          mode === "ANONYMOUS"
            ? { gender, ageBracket: age, headCount: 1 }
            : mode === "GROUP"
              ? { gender: "UNDISCLOSED", ageBracket: "UNKNOWN", headCount }
              : null,
        occurredAt: new Date().toISOString(),
      };
      // The API's own rule, before anything is kept or sent.
      const parsed = checkInToEveningInput.safeParse({ ...input, occurredAt: new Date(input.occurredAt) });
      if (!parsed.success)
        throw new Error(t(mode === "PERSON" ? "night.checkIn.missingPerson" : "night.checkIn.missing"));
      const submitted = await submitEntry("checkInToEvening", { input }, who);
      if (submitted.state === "refused") throw new MutationFailure(submitted.failure);
      return { state: submitted.state, who, personId: input.personId };
    },
    onSuccess: (outcome) => {
      setProblem(null);
      setPerson(null);
      setGender("");
      setAge("");
      setHeadCount(2);
      onCheckedIn(outcome);
    },
    onError: (error) =>
      setProblem(error instanceof MutationFailure ? failureMessage(error.failure) : error.message),
  });
  const modes: Mode[] = ["PERSON", "ANONYMOUS", "GROUP"];
  const modeLabel = {
    PERSON: "night.checkIn.known",
    ANONYMOUS: "night.checkIn.anonymous",
    GROUP: "night.checkIn.group",
  } as const;
  return (
    <section className="card check-in" aria-labelledby="check-in-title">
      <div className="row row--between">
        <h2 id="check-in-title">{t("night.checkIn.legend")}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t("night.checkIn.close")}
        </button>
      </div>
      <fieldset>
        <legend className="visually-hidden">{t("night.checkIn.legend")}</legend>
        <div className="segmented segmented--wide">
          {modes.map((value, index) => (
            <button
              key={value}
              ref={index === 0 ? legend : undefined}
              type="button"
              aria-pressed={mode === value}
              onClick={() => {
                setMode(value);
                setProblem(null);
              }}
            >
              {t(modeLabel[value])}
            </button>
          ))}
        </div>
      </fieldset>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          checkIn.mutate();
        }}
        noValidate
      >
        {mode === "PERSON" ? (
          <PersonPicker
            controller={{
              field: {
                value: person,
                onChange: (picked) => {
                  setPerson(picked);
                  setProblem(null);
                },
                ref: (element) => {
                  searchBox.current = element;
                },
              },
              fieldState: {},
            }}
          />
        ) : null}
        {mode === "ANONYMOUS" ? (
          <>
            <ChoiceChips<Gender>
              legend={t("night.checkIn.gender")}
              options={enumOptions("Gender")}
              label={(value) => enumLabel("Gender", value)}
              value={gender as Gender}
              onChange={setGender}
            />
            <ChoiceChips<AgeBracket>
              legend={t("night.checkIn.age")}
              options={enumOptions("AgeBracket")}
              label={(value) => enumLabel("AgeBracket", value)}
              value={age as AgeBracket}
              onChange={setAge}
            />
          </>
        ) : null}
        {mode === "GROUP" ? (
          <FieldSet legend={t("night.checkIn.headCount")}>
            <Stepper
              value={headCount}
              min={2}
              max={encounterLimits.maxHeadCount}
              onChange={setHeadCount}
              decreaseLabel={t("night.checkIn.less")}
              increaseLabel={t("night.checkIn.more")}
              valueLabel={String(headCount)}
            />
          </FieldSet>
        ) : null}
        <p role="alert" className={problem ? "alert alert--error" : "visually-hidden"}>
          {problem ?? ""}
        </p>
        <button type="submit" className="button button--primary button--block" disabled={checkIn.isPending}>
          {checkIn.isPending ? t("night.checkIn.sending") : t("night.checkIn.submit")}
        </button>
      </form>
    </section>
  );
}
