// Where the agencies' duties say reports go ("… gửi báo cáo kết quả về Sở Ngoại vụ để tổng hợp"):
// section "Chế độ báo cáo" must name the same place (src/render/view.ts), and check warns when two
// duties name different places (rules/reporting-destination-mixed.ts).

const SENT_TO = /báo cáo[^;.]*?\svề\s+(\p{Lu}[^;.]*?)(?=\s+(?:để|trước|theo|định kỳ|hằng)\s|\s*[;.]|\s*$)/gu;

export interface Destination {
  agency: string;
  /** Index of the agency in `implementation` and of the duty in its `duties`. */
  duty: [number, number];
}

interface Duties {
  agency: { name: string };
  implementation: readonly { agency: string; duties: readonly string[] }[];
}

/** Every agency a duty sends reports to, in document order, matched to a named agency when one fits. */
export function reportDestinations(plan: Duties): Destination[] {
  const known = [...plan.implementation.map((d) => d.agency), plan.agency.name].sort((a, b) => b.length - a.length);
  const found: Destination[] = [];
  plan.implementation.forEach((duty, i) => {
    duty.duties.forEach((text, j) => {
      for (const match of text.normalize('NFC').matchAll(SENT_TO)) {
        const named = match[1]!.trim();
        const agency =
          known.find((k) => named === k || named.startsWith(`${k} `) || named.startsWith(`${k},`)) ?? named;
        found.push({ agency, duty: [i, j] });
      }
    });
  });
  return found;
}
