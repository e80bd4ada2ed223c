import type { MetadataRoute } from "next";
import { siteManifest } from "@/lib/agenda/manifest";

export default function manifest(): MetadataRoute.Manifest {
  return siteManifest();
}
