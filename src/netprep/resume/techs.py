"""Technologies named in a resume: a built-in list, and the resume's own Skills section.

The skills a resume lists are the best word list for its entries: a bullet naming
"Storybook" or "DuckDB" is matched when the Skills section names them, whatever the
built-in list knows. Matching ignores case for names longer than two characters and
tolerates the stray spaces a PDF's kerning leaves inside a word ("Sno wflake").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

TECH_WORDS = (
    "Python", "Java", "JavaScript", "TypeScript", "React", "React Native", "Node.js", "SQL",
    "PostgreSQL", "MySQL", "SQLite", "MongoDB", "Redis", "AWS", "AWS Lambda", "GCP", "Azure",
    "Docker", "Kubernetes", "Go", "Rust", "C++", "C#", "C", "Swift", "SwiftUI", "Kotlin",
    "Flask", "Django", "FastAPI", "Express", "Pandas", "NumPy", "TensorFlow", "TensorFlow.js",
    "PyTorch", "JAX", "scikit-learn", "Git", "Linux", "HTML", "CSS", "GraphQL", "Spark",
    "Airflow", "Kafka", "Terraform", "Figma", "Excel", "Tableau", "Vue", "Angular", "Spring",
    "Spring Boot", "Ruby", "Rails", "PHP", "Scala", "R", "MATLAB", "Firebase", "Next.js",
    "Flutter", "Dart", "OCaml", "Haskell", "Elixir", "Bash", "PowerShell", "Jest", "Cypress",
    "Selenium", "Snowflake", "dbt", "BigQuery", "DuckDB", "Streamlit", "XGBoost", "LightGBM",
    "Hugging Face", "OpenCV", "Unity", "Unreal Engine", "Godot", "Blender", "OpenGL", "Vulkan",
    "CUDA", "Verilog", "VHDL", "FPGA", "Arduino", "Raspberry Pi", "ROS", "ROS 2", "LabVIEW",
    "KiCad", "Zephyr", "FreeRTOS", "STM32", "ESP32", "Splunk", "Wireshark", "Grafana",
    "Prometheus", "Elasticsearch", "Nginx", "Jenkins", "GitHub Actions", "Heroku", "Vercel",
    "Supabase", "Svelte", "Astro", "Tailwind", "Storybook", "Jira", "Twilio", "Stripe API",
    "Postman", "Pact", "gRPC", "REST", "WebSockets", "Electron", "Qt", "Lua", "Perl",
    "Solidity", "Julia", "Fortran", "Assembly", "MIPS", "Hadoop", "Hive", "Flink", "Looker",
    "Power BI", "SAS", "SPSS", "Stata", "LaTeX", "Intune", "Active Directory", "Proxmox",
    "Ansible", "Puppet", "Chef", "Vagrant", "Helm", "Istio", "OAuth", "JWT", "WebGL",
    "Three.js", "D3.js", "Redux", "jQuery", "Bootstrap", "Sass", "Webpack", "Vite",
)
# The labels of a Skills table ("Systems  Linux, eBPF"), not technologies.
_CATEGORIES = {"languages", "language", "systems", "design", "research", "hardware", "tools",
               "code", "web", "data", "ml", "ai", "infra", "infrastructure", "security",
               "cloud", "frameworks", "libraries", "databases", "embedded", "other", "platforms",
               "devops", "testing", "accessibility", "software", "technologies", "technical",
               "skills", "soft skills", "methods", "analytics", "mobile", "frontend", "backend",
               "front end", "back end", "familiar", "proficient", "exposure", "concepts",
               "spoken", "interests", "certifications", "coursework", "os", "operating systems",
               "version control", "misc", "general", "core", "tooling", "stack", "game dev",
               "graphics", "networking", "ops", "product", "office"}
_BREAK = re.compile(r"[,;|•·]|\s[-–—]\s|\s{2,}|\t")
_LABEL = re.compile(r"^\s*[A-Z][\w &/+-]{0,24}:\s*")


def skills_vocabulary(lines: Iterable[str]) -> list[str]:
    """The names listed in a Skills section ("Languages: Go, Python | Docker" -> Go,
    Python, Docker), without labels, parenthesised asides and sentences."""
    found: list[str] = []
    for line in lines:
        line = line.strip().lstrip("-*•▪◦ ").strip()
        line = _LABEL.sub("", line)
        line = re.sub(r"\(([^)]*)\)", r", \1", line)  # "AWS (S3, EMR)" -> AWS, S3, EMR
        for item in _BREAK.split(line):
            item = _LABEL.sub("", item.strip()).strip(" .:")
            if item and len(item) <= 30 and len(item.split()) <= 3 and \
                    item.casefold() not in _CATEGORIES and \
                    re.search(r"[A-Za-z]", item) and item not in found:
                found.append(item)
    return found


def _alternative(word: str) -> str:
    if len(word) >= 6 and " " not in word:  # "Sno wflake", "T ableau" from a PDF
        body = r"\s?".join(re.escape(ch) for ch in word)
    else:
        body = re.escape(word).replace(r"\ ", r"\s+")
    # "Express", "Spring", "Swift" are words too: as written, capital first; "NumPy",
    # "postgresql" any case.
    plain = len(word) <= 2 or (word[:1].isupper() and word[1:].islower())
    after = r"(?![\w+#]|\.\w" + (r"|\.)" if len(word) == 1 else ")")  # "R. Valdez"
    return r"(?<![\w+#.])" + (f"({body})" if plain else f"((?i:{body}))") + after


@lru_cache(maxsize=64)
def _ordered(vocabulary: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys([*vocabulary, *TECH_WORDS]), key=len, reverse=True))


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    """What a text must hold, spaces aside, for the name to be in it (a quick filter)."""
    return "".join(word.split()).casefold()


@lru_cache(maxsize=1024)
def _matcher(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the names, longest first (so "React Native" wins over React)."""
    return re.compile("|".join(_alternative(w) for w in words))


def find_techs(text: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The technologies a text names, longest name first where two overlap ("React
    Native" rather than "React" as well)."""
    squeezed = "".join(text.split()).casefold()
    words = tuple(w for w in _ordered(tuple(vocabulary)) if _key(w) in squeezed)
    found: list[str] = []
    if not words:
        return found
    for match in _matcher(words).finditer(text):
        word = words[(match.lastindex or 1) - 1]
        if word not in found:
            found.append(word)
    return found


def is_tech(text: str, vocabulary: Iterable[str] = ()) -> bool:
    """A name that is a technology (known, or shaped like one: "C++17", "Discord.py")."""
    text = text.strip()
    if not text:
        return False
    known = find_techs(text, vocabulary)
    if known and len(" ".join(known)) * 2 >= len(text):
        return True
    return " " not in text and not re.search(r"hack|jam", text, re.I) and \
        bool(re.search(r"[+#]|\.[a-z]|[A-Za-z]\d|^[a-z][\w-]*$", text))
