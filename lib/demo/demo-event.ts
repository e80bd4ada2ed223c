import { DateTime } from "luxon";
import type { AgendaItemType } from "@/db/schema";
import { parseEventFile, type EventFile, type EventFileInput } from "@/lib/events/event-file";

/**
 * The demo: a one-day business conference for contractors in Austin, written as
 * an event file with event-local times so it reads like what an organizer writes.
 * All people, companies and numbers are fictional (555-01xx, example.com).
 */
export const DEMO_TIMEZONE = "America/Chicago";

type Tier = "under_500k" | "500k_1m" | "1m_5m" | "5m_plus";

const SPEAKERS = [
  ["maria-delgado", "Maria Delgado", "CEO", "Delgado Roofing & Solar", ["pricing", "sales", "operations"], 4.8,
    "Grew a two-truck roofing crew into a $14M roofing and solar company in nine years."],
  ["james-whitfield", "James Whitfield", "Founder", "Trade Talent Partners", ["hiring", "operations"], 4.5,
    "Has placed more than 3,000 technicians with home-service companies across Texas."],
  ["priya-raman", "Priya Raman", "Head of Growth", "LocalLift Marketing", ["marketing", "technology"], 4.6,
    "Runs local search and paid campaigns for 400 home-service brands."],
  ["derek-okafor", "Derek Okafor", "VP, Contractor Lending", "Prairie Home Finance", ["financing", "sales"], 4.2,
    "Built customer-financing programs used by 1,200 contractors."],
  ["linda-cho", "Linda Cho", "Safety Director", "Texas Builders Safety Council", ["safety", "operations"], 4.4,
    "Former OSHA compliance officer; trains crews on fall protection and heat illness."],
  ["tom-brennan", "Tom Brennan", "Owner", "Brennan Plumbing & Air", ["operations", "hiring", "financing"], 4.7,
    "Took his family plumbing shop from $800K to $12M with 90 employees."],
  ["sofia-marquez", "Sofia Marquez", "Product Lead", "FieldFlow", ["technology", "operations"], 4.3,
    "Designs dispatch and quoting tools used by 20,000 field technicians."],
  ["ray-jackson", "Ray Jackson", "Sales Coach", "Service Sales Academy", ["sales", "pricing", "marketing"], 4.6,
    "Coaches comfort advisors and estimators to close without discounting."],
] as const;

/** [key, type, title, room, start, end, speaker, topics] — times are local on the event day. */
const AGENDA: Array<[string, AgendaItemType, string, string, string, string, string | null, string[]]> = [
  ["check-in-breakfast", "networking", "Registration & Breakfast", "Expo Hall", "08:30", "09:15", null, []],
  ["opening-keynote", "keynote", "Pricing for Profit: Building a Million-Dollar Trade Business", "Main Ballroom", "09:15", "10:00", "maria-delgado", ["pricing", "sales"]],
  ["morning-break", "break", "Coffee Break in the Expo Hall", "Expo Hall", "10:00", "10:30", null, []],
  ["hiring-techs", "session", "Hiring and Keeping Great Techs in a Tight Labor Market", "Bluebonnet Room", "10:30", "11:15", "james-whitfield", ["hiring", "operations"]],
  ["local-seo", "session", "Local SEO and Google Ads for Home-Service Pros", "Pecan Room", "10:30", "11:15", "priya-raman", ["marketing", "technology"]],
  ["customer-financing", "session", "Customer Financing That Closes Bigger Jobs", "Bluebonnet Room", "11:15", "12:00", "derek-okafor", ["financing", "sales"]],
  ["jobsite-safety", "session", "Jobsite Safety: Heat, Heights and the New OSHA Rules", "Pecan Room", "11:15", "12:00", "linda-cho", ["safety", "operations"]],
  ["lunch", "lunch", "Lunch & Sponsor Expo", "Expo Hall", "12:00", "13:00", null, []],
  ["scaling-panel", "panel", "From Truck to Team: Scaling Past $1M", "Main Ballroom", "13:00", "13:45", "tom-brennan", ["operations", "hiring", "financing"]],
  ["field-software", "session", "Dispatch, Quoting and Getting Paid Faster with Field Software", "Bluebonnet Room", "13:45", "14:30", "sofia-marquez", ["technology", "operations"]],
  ["maintenance-agreements", "session", "Selling Maintenance Agreements That Renew", "Pecan Room", "13:45", "14:30", "ray-jackson", ["sales", "pricing"]],
  ["afternoon-break", "break", "Afternoon Break in the Expo Hall", "Expo Hall", "14:30", "15:00", null, []],
  ["job-costing", "session", "Estimating and Job Costing That Protect Your Margin", "Bluebonnet Room", "15:00", "15:45", "maria-delgado", ["pricing", "operations"]],
  ["reviews-referrals", "session", "Reviews, Referrals and Repeat Customers", "Pecan Room", "15:00", "15:45", "priya-raman", ["marketing", "sales"]],
  ["cash-flow", "session", "Cash Flow, Credit Lines and Equipment Financing", "Bluebonnet Room", "15:45", "16:30", "derek-okafor", ["financing"]],
  ["closing-keynote", "keynote", "Building a Business That Runs Without You", "Main Ballroom", "16:45", "17:30", "tom-brennan", ["operations", "hiring", "sales"]],
  ["reception", "networking", "Networking Reception", "Terrace Bar", "17:30", "19:00", null, []],
];

/** [key, name, booth, offerings, focus areas, tiers, special offer, talking points, pcr] */
const SPONSORS: Array<[string, string, string, string[], string[], Tier[], string, string[], number]> = [
  ["fieldflow", "FieldFlow", "101", ["Scheduling & dispatch software", "Mobile quoting", "Online payments"], ["technology", "operations"], ["500k_1m", "1m_5m"],
    "Three months free for Summit attendees", ["Ask how crews cut drive time with route-optimized dispatch", "See quotes signed on site from a phone"], 4.5],
  ["prairie-home-finance", "Prairie Home Finance", "102", ["Customer financing", "Same-day approvals"], ["financing", "sales"], ["under_500k", "500k_1m", "1m_5m", "5m_plus"],
    "No setup fee when you enroll at the booth", ["Ask about 12-month same-as-cash plans", "Bring your average ticket size to model close rates"], 4.1],
  ["locallift", "LocalLift Marketing", "103", ["Local SEO", "Google Local Services Ads", "Review generation"], ["marketing", "technology"], ["under_500k", "500k_1m"],
    "Free local search audit", ["Ask for a review of your Google Business Profile", "Compare your cost per lead with trade benchmarks"], 4.4],
  ["prosupply", "ProSupply Building Materials", "104", ["Volume pricing", "Jobsite delivery", "Trade credit"], ["operations", "pricing"], ["1m_5m", "5m_plus"],
    "2% off first three orders", ["Ask about next-morning jobsite delivery in Central Texas", "Trade credit terms up to net-60"], 3.9],
  ["tradetalent", "TradeTalent Staffing", "105", ["Technician recruiting", "Apprentice programs"], ["hiring"], ["500k_1m", "1m_5m", "5m_plus"],
    "First placement at half fee", ["Ask how long it takes to fill a service-tech role", "Learn about the apprentice pipeline with local trade schools"], 4.2],
  ["lone-star-fleet", "Lone Star Fleet & Equipment", "106", ["Truck leasing", "Equipment financing", "Upfitting"], ["financing", "operations"], ["500k_1m", "1m_5m", "5m_plus"],
    "First month's lease payment waived", ["Ask about lease-to-own on upfitted vans", "Section 179 questions welcome"], 4.0],
  ["safesite", "SafeSite Insurance", "107", ["General liability", "Workers' comp", "Safety training"], ["safety"], ["under_500k", "500k_1m", "1m_5m", "5m_plus"],
    "Free policy review and safety plan template", ["Ask how a written safety program can lower premiums", "Heat-illness prevention kits at the booth"], 4.3],
  ["brightledger", "BrightLedger Accounting", "108", ["Bookkeeping for trades", "Job-costing setup", "Tax planning"], ["financing", "pricing"], ["under_500k", "500k_1m"],
    "First month of bookkeeping free", ["Ask for a job-profitability report from your own numbers", "Quarterly tax planning for S-corps"], 4.6],
];

/** [first, last, company, business type, service area, tier, team size, focus areas, sms opt-in] — blanks are missing profile fields. */
type Person = [string, string, string | null, string | null, string | null, Tier | null, number | null, string[] | null, boolean];
const CONTRACTORS: Person[] = [
  ["Dana", "Whitaker", "Acme Roofing", "roofing", "Austin, TX", "1m_5m", 24, ["sales", "hiring", "marketing"], true],
  ["Luis", "Ortega", "Ortega Plumbing Co.", "plumbing", "Austin, TX", "500k_1m", 9, ["hiring", "pricing"], true],
  ["Kim", "Nguyen", "CoolBreeze HVAC", "hvac", "Round Rock, TX", "1m_5m", 18, ["financing", "sales", "technology"], true],
  ["Marcus", "Bell", "Bell Electric", "electrical", "San Antonio, TX", "500k_1m", 7, ["safety", "operations"], true],
  ["Rachel", "Stein", "Stein Kitchen & Bath", "remodeling", "Austin, TX", "1m_5m", 15, ["marketing", "pricing", "financing"], true],
  ["Jorge", "Ramirez", "Green Acres Landscaping", "landscaping", "Georgetown, TX", "under_500k", 5, ["marketing", "operations"], true],
  ["Aisha", "Brooks", "Brooks Painting", "painting", "Austin, TX", "under_500k", 4, ["marketing", "sales"], false],
  ["Tyler", "Hughes", "Hill Country Roofing", "roofing", "San Antonio, TX", "5m_plus", 60, ["operations", "hiring", "technology"], true],
  ["Megan", "Foster", "Foster Home Services", "hvac", "Austin, TX", "5m_plus", 75, ["technology", "financing", "hiring"], true],
  ["Sam", "Patel", "Patel Electric", "electrical", "Austin, TX", "1m_5m", 20, ["safety", "hiring", "pricing"], true],
  ["Chris", "Young", "Young Builders", "general contracting", "Waco, TX", "1m_5m", 30, ["operations", "financing", "safety"], false],
  ["Olivia", "Grant", "Lakeside Pools", "pool construction", "Austin, TX", "500k_1m", 8, ["sales", "financing"], true],
  ["Ben", "Carter", "Carter Plumbing", "plumbing", "Round Rock, TX", "under_500k", 3, ["marketing", "pricing"], true],
  ["Nina", "Alvarez", "Alvarez Solar", "solar", "San Antonio, TX", "1m_5m", 22, ["financing", "sales", "technology"], true],
  ["Hank", "Miller", "Miller Fence & Deck", "fencing", "Georgetown, TX", "under_500k", 6, ["operations", "pricing"], false],
  ["Grace", "Lee", "Precision Garage Doors", "garage doors", "Austin, TX", "500k_1m", 10, ["marketing", "technology"], true],
  ["Omar", "Haddad", "Haddad Restoration", "restoration", "Houston, TX", "1m_5m", 35, ["operations", "safety", "hiring"], true],
  ["Julia", "Martins", "Martins Tile & Stone", "flooring", "Austin, TX", "under_500k", 4, ["pricing", "marketing"], true],
  ["Kevin", "O'Brien", "O'Brien Roofing", "roofing", "Austin, TX", "500k_1m", 11, ["sales", "safety"], true],
  ["Priscilla", "Owens", "Owens Air", "hvac", "Dallas, TX", "5m_plus", 90, ["hiring", "operations", "technology"], true],
  ["Derrick", "Shaw", "Shaw Concrete", "concrete", "Waco, TX", null, null, null, true],
  ["Emily", "Ward", null, "landscaping", "Austin, TX", null, 2, ["marketing"], false],
  ["Frank", "Russo", "Russo Remodeling", "remodeling", null, "500k_1m", null, [], true],
  ["Hannah", "Kim", "Kim's Pest Control", "pest control", "Round Rock, TX", "under_500k", null, ["sales"], false],
  ["Isaac", "Turner", null, null, null, null, null, null, false],
  ["Vanessa", "Cruz", "Cruz Electric", "electrical", "Houston, TX", "1m_5m", 16, null, true],
  ["Walter", "Price", "Price Plumbing & Drain", "plumbing", "Austin, TX", "1m_5m", null, ["operations", "financing"], true],
  ["Yasmin", "Farah", "Bright Windows", "windows & doors", "San Antonio, TX", "500k_1m", 12, ["sales", "marketing"], true],
  ["Zach", "Cooper", "Cooper Gutters", "gutters", null, null, 3, null, false],
  ["Leah", "Rosen", "Rosen Design Build", "remodeling", "Austin, TX", "5m_plus", 45, ["pricing", "hiring", "operations"], true],
];

/** Twelve registrations: most with complete profiles, three (20, 22, 24) with gaps to fill. */
const REGISTERED = [0, 1, 2, 3, 4, 5, 7, 9, 12, 20, 22, 24];

/** The demo as a file an organizer would write; `eventDate` is the local day (yyyy-MM-dd). */
export function buildDemoEventInput(eventDate: string): EventFileInput {
  const year = eventDate.slice(0, 4);
  const at = (hhmm: string) => `${eventDate}T${hhmm}`;
  const phoneFormats = [(n: string) => `(512) 555-${n}`, (n: string) => `512-555-${n}`, (n: string) => `+1 512 555 ${n}`];
  const contractors = CONTRACTORS.map(([first, last, company, type, area, tier, size, focus, sms], i) => ({
    first_name: first,
    last_name: last,
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + "@example.com",
    // Some who declined texts left the phone out, as real lists do; formats vary on purpose.
    phone: !sms && i % 2 === 0 ? undefined : phoneFormats[i % 3](String(100 + i).padStart(4, "0")),
    company_name: company ?? undefined,
    business_type: type ?? undefined,
    service_area: area ?? undefined,
    revenue_tier: tier ?? undefined,
    team_size: size ?? undefined,
    focus_areas: focus ?? undefined,
    preferences: i % 5 === 0 ? { session_format: "workshops", goal: "grow the service department" } : undefined,
    sms_opt_in: sms,
  }));
  return {
    event: {
      name: `Contractor Growth Summit ${year}`,
      slug: `contractor-growth-summit-${year}`,
      description:
        "A one-day business conference for roofing, HVAC, plumbing, electrical and remodeling company owners: pricing, hiring, marketing, financing and operations, with a sponsor expo and a networking reception.",
      venue: "Lone Star Grand Hotel",
      address: "500 E Cesar Chavez St, Austin, TX 78701",
      timezone: DEMO_TIMEZONE,
      starts_at: at("08:30"),
      ends_at: at("19:00"),
      status: "published",
      organizer: { name: "Summit Team", email: "summit@example.com", phone: "+1 512 555 0199" },
    },
    speakers: SPEAKERS.map(([key, name, title, company, focus, pcr, bio]) => ({
      key, name, title, company, bio, focus_areas: [...focus], pcr_score: pcr,
    })),
    agenda: AGENDA.map(([key, type, title, room, start, end, speaker, topics]) => ({
      key, type, title, room, starts_at: at(start), ends_at: at(end), topics,
      ...(speaker ? { speaker } : {}),
    })),
    sponsors: SPONSORS.map(([key, name, booth, offerings, focus, tiers, offer, points, pcr]) => ({
      key, name, booth_number: booth, offerings, focus_areas: focus, target_revenue_tiers: tiers,
      special_offer: offer, talking_points: points, pcr_score: pcr,
    })),
    contractors,
    registrations: REGISTERED.map((i) => ({ email: contractors[i].email })),
  };
}

/** The demo event seven local days after `today`, parsed and ready for importEventFile. */
export function buildDemoEventFile(today: Date): EventFile {
  const eventDate = DateTime.fromJSDate(today, { zone: DEMO_TIMEZONE }).plus({ days: 7 }).toISODate()!;
  const parsed = parseEventFile(buildDemoEventInput(eventDate));
  if (!parsed.ok) throw new Error(`demo event file is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return parsed.file;
}
