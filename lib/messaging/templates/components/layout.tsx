import type { ReactNode } from "react";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { Body, Button, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";

/**
 * The shared frame of every TPX email: one narrow column that reads on a phone,
 * system fonts, and a footer with who sent it and how to stop it (SPEC §4).
 */
export type FooterProps = {
  eventName: string;
  organizer: { name: string; email?: string | null; phone?: string | null };
  unsubscribeUrl: string;
  /** Spanish for attendees who chose it (contractors.language). */
  lang?: "en" | "es";
};

const colors = { ink: "#1f2933", muted: "#61707f", line: "#e3e8ee", brand: "#1d4ed8", page: "#f5f7fa" };

const styles = {
  body: { backgroundColor: colors.page, margin: 0, padding: "24px 0", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", padding: "32px 28px", borderRadius: "8px" },
  heading: { color: colors.ink, fontSize: "22px", lineHeight: "30px", margin: "0 0 16px" },
  text: { color: colors.ink, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  label: { color: colors.muted, fontSize: "13px", lineHeight: "18px", margin: "0", textTransform: "uppercase" as const, letterSpacing: "0.04em" },
  value: { color: colors.ink, fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" },
  button: { backgroundColor: colors.brand, color: "#ffffff", borderRadius: "6px", fontSize: "16px", fontWeight: 600, padding: "12px 22px", textDecoration: "none" },
  footer: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  link: { color: colors.brand },
};

export function EmailLayout({ preview, heading, footer, children }: { preview: string; heading: string; footer: FooterProps; children: ReactNode }) {
  return (
    <Html lang={footer.lang ?? "en"}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "28px 0 16px" }} />
          <Footer {...footer} />
        </Container>
      </Body>
    </Html>
  );
}

function Footer({ eventName, organizer, unsubscribeUrl, lang }: FooterProps) {
  const contact = [
    organizer.email ? (
      <Link key="email" href={`mailto:${organizer.email}`} style={styles.link}>
        {organizer.email}
      </Link>
    ) : null,
    // Plain text on purpose: mail apps link phone numbers themselves, and a tel: link
    // would print the number twice in the plain-text version.
    organizer.phone ? displayPhone(organizer.phone) : null,
  ].filter(Boolean);
  if (lang === "es") {
    return (
      <Section>
        <Text style={styles.footer}>
          Recibe este correo porque se registró en {eventName}, organizado por {organizer.name}.
          {contact.length > 0 ? <> ¿Preguntas? Escríbanos a {contact.flatMap((c, i) => (i ? [" o ", c] : [c]))}.</> : null}
        </Text>
        <Text style={styles.footer}>
          <Link href={unsubscribeUrl} style={styles.link}>
            Dejar de recibir estos correos
          </Link>
        </Text>
      </Section>
    );
  }
  return (
    <Section>
      <Text style={styles.footer}>
        You&apos;re receiving this because you registered for {eventName}, organized by {organizer.name}.
        {contact.length > 0 ? <> Questions? Reach us at {contact.flatMap((c, i) => (i ? [" or ", c] : [c]))}.</> : null}
      </Text>
      <Text style={styles.footer}>
        <Link href={unsubscribeUrl} style={styles.link}>
          Unsubscribe from these emails
        </Link>
      </Text>
    </Section>
  );
}

/** "+1 617 555 0100" reads better than the stored E.164. */
function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  );
}

/** Label/value pairs ("When", "Where"); empty values are left out. */
export function Details({ rows }: { rows: Array<[label: string, value: string | null | undefined]> }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Section key={label}>
            <Text style={styles.label}>{label}</Text>
            <Text style={styles.value}>{value}</Text>
          </Section>
        ))}
    </Section>
  );
}

/**
 * The attendee's check-in code; `src` is the hosted, signed QR image in real sends
 * (links.qrImage, decision 0197). The code is printed too: staff can type it when a
 * phone screen will not scan, and mail clients that block images still show it.
 */
export function QrCode({ src, caption, code, alt = "Your check-in QR code" }: { src: string; caption: string; code: string; alt?: string }) {
  return (
    <Section style={{ textAlign: "center", margin: "8px 0 16px" }}>
      <Img src={src} alt={alt} width="200" height="200" style={{ margin: "0 auto" }} />
      <Text style={{ ...styles.text, textAlign: "center", fontFamily: "monospace", margin: "4px 0" }}>{code}</Text>
      <Text style={{ ...styles.footer, textAlign: "center" }}>{caption}</Text>
    </Section>
  );
}

export function BulletList({ items }: { items: string[] }) {
  return (
    <Section style={{ margin: "0 0 16px" }}>
      {items.map((item) => (
        <Text key={item} style={{ ...styles.text, margin: "0 0 4px" }}>
          • {item}
        </Text>
      ))}
    </Section>
  );
}
