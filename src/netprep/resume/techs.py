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
    "Flask", "Django", "FastAPI", "Express", "pandas", "NumPy", "TensorFlow", "TensorFlow.js",
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
    "Solidity", "Julia", "Fortran", "Assembly", "MIPS", "Hadoop", "Flink", "Looker", "Power BI",
    "SAS", "SPSS", "Stata", "LaTeX", "Intune", "Active Directory", "Proxmox", "Ansible",
    "Vagrant", "Helm", "Istio", "OAuth", "JWT", "WebGL", "Three.js", "D3.js", "Redux", "jQuery",
    "Bootstrap", "Sass", "Webpack", "Vite", "Loki", "Jaeger", "OpenTelemetry", "Datadog",
    "PagerDuty", "Kibana", "Logstash", "Fluentd", "ArgoCD", "Argo CD", "Tekton", "CircleCI",
    "Travis CI", "GitLab CI", "Bitbucket", "Confluence", "Discord API", "Twilio API",
    "SendGrid", "Mapbox", "Leaflet", "Google Maps API", "OpenAI API", "LangChain", "LlamaIndex",
    "Hugging Face Transformers", "spaCy", "NLTK", "Gensim", "Keras", "ONNX", "TensorRT",
    "OpenMP", "MPI", "SIMD", "Dask", "Polars", "Matplotlib", "Seaborn", "Plotly", "Jupyter",
    "Colab", "SciPy", "statsmodels", "Great Expectations", "Apache Beam", "Presto", "Trino",
    "Redshift", "EMR", "S3", "EC2", "ECS", "EKS", "DynamoDB", "CloudFormation", "CDK",
    "Cloud Run", "Cloud Functions", "Firestore", "Cloudflare", "Netlify", "Fly.io",
    "DigitalOcean", "Linode", "Oracle", "SQL Server", "Cassandra", "CockroachDB", "Neo4j",
    "InfluxDB", "TimescaleDB", "ClickHouse", "Pinecone", "FAISS", "Milvus", "Weaviate",
    "Prisma", "Sequelize", "SQLAlchemy", "Hibernate", "JPA", "Maven", "Gradle", "JUnit",
    "Mockito", "pytest", "unittest", "Playwright", "Puppeteer", "Vitest", "Testing Library",
    "Enzyme", "ESLint", "Prettier", "Babel", "Rollup", "esbuild", "Nuxt", "SvelteKit", "Remix",
    "Gatsby", "Alpine.js", "htmx", "Tailwind CSS", "Material UI", "MUI", "Chakra UI",
    "Ant Design", "Framer", "Framer Motion", "Adobe XD", "Illustrator", "Photoshop", "InDesign",
    "After Effects", "Premiere Pro", "Houdini", "ZBrush", "Substance Painter",
    "Unreal Engine 5", "Blueprints", "GDScript", "HLSL", "GLSL", "DirectX", "WebGPU",
    "SwiftData", "Core Data", "UIKit", "Jetpack Compose", "Android", "iOS", "Xcode",
    "Android Studio", "TestFlight", "Ionic", "Capacitor", "Cordova", "Xamarin", ".NET",
    "ASP.NET", "Entity Framework", "Blazor", "F#", "Visual Basic", "VBA", "COBOL", "Zig",
    "Clojure", "Erlang", "PureScript", "ReScript", "Prolog", "Common Lisp", "Smalltalk",
    "Objective-C", "Groovy", "Kotlin Multiplatform", "Ktor", "Micronaut", "Quarkus", "Vert.x",
    "Akka", "Play Framework", "Laravel", "Symfony", "WordPress", "Drupal", "Shopify", "Magento",
    "Salesforce", "SAP", "ServiceNow", "Workday", "Zendesk", "Freshservice", "Jamf", "Okta",
    "Auth0", "Keycloak", "LDAP", "Kerberos", "SAML", "OpenID Connect", "WireGuard", "OpenVPN",
    "pfSense", "Pi-hole", "Jellyfin", "TrueNAS", "VMware", "Hyper-V", "VirtualBox", "KVM",
    "QEMU", "Xen", "systemd", "eBPF", "DPDK", "iptables", "nftables", "tcpdump", "Metasploit",
    "Burp Suite", "Nmap", "Ghidra", "IDA Pro", "radare2", "Volatility", "Suricata", "Snort",
    "Zeek", "osquery", "YARA", "CrowdStrike", "SentinelOne", "Microsoft Sentinel", "OpenSearch",
    "Solr", "Lucene", "RabbitMQ", "ActiveMQ", "ZeroMQ", "NATS", "Pub/Sub", "SQS", "SNS",
    "Celery", "Sidekiq", "Resque", "Delta Lake", "Databricks", "MLflow", "Kubeflow",
    "SageMaker", "Weights & Biases", "W&B", "DVC", "Optuna", "PyTorch Lightning", "fastai",
    "CatBoost", "ARIMA", "YOLO", "Detectron2", "MediaPipe", "Open3D", "PCL", "Gazebo", "MoveIt",
    "SLAM", "Simulink", "LTspice", "SPICE", "Altium", "Fusion 360", "SolidWorks", "AutoCAD",
    "Onshape", "Vivado", "Quartus", "ModelSim", "SystemVerilog", "Chisel", "cocotb",
    "Zephyr RTOS", "RTOS", "Embedded C", "Bare-metal C", "CMake", "Bazel", "vcpkg", "GDB",
    "LLDB", "Valgrind", "gprof", "LLVM", "Clang", "GCC", "MSVC", "WebAssembly", "Wasm",
    "Emscripten", "WASI", "NestJS", "Fastify", "Socket.IO", "WebRTC", "MQTT", "CoAP", "Zigbee",
    "BLE", "Bluetooth", "LoRa", "LoRaWAN", "CAN bus", "Modbus", "I2C", "SPI", "UART", "USB",
    "Raspberry Pi Pico", "ESP-IDF", "PlatformIO", "Arduino IDE", "MicroPython", "CircuitPython",
    "Scratch", "App Inventor", "Swift Playgrounds", "p5.js", "Max/MSP", "Pure Data", "JUCE",
    "FMOD", "Wwise", "Dialogflow", "Rasa", "Alexa Skills Kit", "Gradio", "R Markdown", "Quarto",
    "dplyr", "ggplot2", "tidyverse", "caret", "lme4", "Power Automate", "Power Apps", "Zapier",
    "Airtable", "Google Sheets", "Google Apps Script", "Apps Script", "Excel VBA", "QuickBooks",
    "Stripe", "PayPal API", "Plaid", "tRPC", "OpenAPI", "Swagger", "Traefik", "HAProxy",
    "Tomcat", "Jetty", "Gunicorn", "uWSGI", "Uvicorn", "Starlette", "Pydantic", "Conda",
    "Anaconda", "npm", "pnpm", "PowerShell DSC", "Azure DevOps", "Azure Functions", "Azure SQL",
    "Cosmos DB", "Blob Storage", "App Engine", "Compute Engine", "GKE", "AKS", "OpenShift",
    "k3s", "minikube", "Docker Compose", "Podman", "containerd", "Linkerd", "Grafana Loki",
    "VictoriaMetrics", "SPL", "KQL", "Sumo Logic", "New Relic", "AppDynamics", "Dynatrace",
    "Vue.js", "Nuxt", "Jetpack Compose", "Ktor", "Testcontainers", "OR-Tools", "NixOS",
    "home-manager", "pthreads", "Pintos", "xUnit", "Ztest", "pyannote", "Whisper",
    "wav2vec 2.0", "wav2vec", "CloudLab", "Hibernate", "Flyway", "JUnit 5",
    "PostGIS", "Postgres", "Delphi", "BERT", "RoBERTa", "LSTM", "ConvLSTM", "Conformer", "ML Kit",
    "Google ML Kit", "Spotify Web API", "axe-core", "Detox", "python-telegram-bot", "Telegram",
    "Telegram Bot API", "EDR", "GTFS", "Steam Deck", "x86-64 assembly", "x86-64", "UR5",
    "nRF52840", "Artix-7", "Xilinx Artix-7", "ChaCha20-Poly1305", "Raft", "Paxos",
)
# Spoken languages, named with how well they are spoken: no technologies.
_SPOKEN = re.compile(r"\b(?:english|french|german|spanish|portuguese|italian|dutch|polish|"
                     r"russian|ukrainian|arabic|hindi|tamil|telugu|bengali|urdu|mandarin|"
                     r"cantonese|chinese|japanese|korean|vietnamese|thai|indonesian|malay|"
                     r"swahili|kiswahili|yoruba|igbo|hausa|turkish|greek|swedish|norwegian|"
                     r"danish|finnish|czech|hungarian|romanian|deutsch|englisch|français|"
                     r"anglais)\b.*\b(?:native|fluent|bilingual|conversational|proficien\w*|"
                     r"intermediate|basic|beginner|elementary|advanced|[ABC][12]|ielts|toefl|"
                     r"toeic|jlpt|hsk|delf|muttersprache|mother tongue|langue maternelle)\b",
                     re.I)
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
# How well a name is known ("Rust (learning)"): no name itself.
_LEVEL = re.compile(r"(?:currently\s+)?(?:learning|basic|basics|beginner|intermediate|advanced|"
                    r"familiar|exposure|some|working knowledge|proficient|fluent|expert)", re.I)
# English words joined by a hyphen ("runner-up", "energy-aware", "real-time"): no names.
_PHRASE = re.compile(r"[a-z]+-(?:up|aware|based|driven|friendly|time|source|level|scale|free|"
                     r"first|facing|side|out|off|ready|safe|proof|wide|end|term|made|run|"
                     r"hand|like|style|rich|heavy|native|focused|oriented)", re.I)
_BREAK = re.compile(r"[,;|•·]|\s[-–—]\s|\s{2,}|\t")
_LABEL = re.compile(r"^\s*[A-Z][\w &/+-]{0,24}:\s*")


def skills_vocabulary(lines: Iterable[str]) -> list[str]:
    """The names listed in a Skills section ("Languages: Go, Python | Docker" -> Go,
    Python, Docker), without labels, parenthesised asides and sentences."""
    found: list[str] = []
    for line in lines:
        line = line.strip().lstrip("-*•▪◦ ").strip()
        if _SPOKEN.search(line):
            continue  # "Languages: English (C1), German (A2)"
        line = _LABEL.sub("", line)
        # "Robotics   ROS 2, MoveIt": a one-word label in a column of its own
        line = re.sub(r"^[A-Z][a-z]+(?:\s[a-z]+)?(?:\s{2,}|\t)(?=\S)",
                      lambda m: "" if m.group(0).strip() not in TECH_WORDS else m.group(0),
                      line)
        line = re.sub(r"\(([^)]*)\)", r", \1", line)  # "AWS (S3, EMR)" -> AWS, S3, EMR
        for item in _BREAK.split(line):
            item = _LABEL.sub("", item.strip()).strip(" .:")
            if item and len(item) <= 30 and len(item.split()) <= 3 and \
                    item.casefold() not in _CATEGORIES and not _LEVEL.fullmatch(item) and \
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


@lru_cache(maxsize=64)
def _rank(words: tuple[str, ...]) -> dict[str, int]:
    return {word: i for i, word in enumerate(words)}


@lru_cache(maxsize=64)
def _index(words: tuple[str, ...]) -> dict[str, list[str]]:
    """The names by their first word: a quick filter before the pattern."""
    index: dict[str, list[str]] = {}
    for word in words:
        tokens = _tokens(word)
        if tokens:
            index.setdefault(tokens[0], []).append(word)
    return index


_TOKEN = re.compile(r"[\w+#.&'-]+")


def _tokens(text: str) -> list[str]:
    return [t for t in (t.strip(".'-").casefold() for t in _TOKEN.findall(text)) if t]


@lru_cache(maxsize=1024)
def _matcher(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all the names, longest first (so "React Native" wins over React)."""
    return re.compile("|".join(_alternative(w) for w in words))


def find_techs(text: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """The technologies a text names, longest name first where two overlap ("React
    Native" rather than "React" as well)."""
    return list(_found(text, tuple(vocabulary)))


@lru_cache(maxsize=4096)
def _found(text: str, vocabulary: tuple[str, ...]) -> tuple[str, ...]:
    ordered = _ordered(vocabulary)
    index = _index(ordered)
    tokens = _tokens(text)
    pairs = zip(tokens[:-1], tokens[1:], strict=True)
    heads = {*tokens, *(a + b for a, b in pairs),  # "sno" + "wflake"
             *(part for t in tokens if "-" in t for part in t.split("-"))}  # "LabVIEW-to"
    near = {w for head in heads for w in index.get(head, ())}
    rank = _rank(ordered)
    words = tuple(sorted(near, key=rank.__getitem__))
    found: list[str] = []
    if not words:
        return ()
    for match in _matcher(words).finditer(text):
        word = words[(match.lastindex or 1) - 1]
        if word not in found:
            found.append(word)
    return tuple(found)


def is_tech(text: str, vocabulary: Iterable[str] = ()) -> bool:
    """A name that is a technology (known, or shaped like one: "C++17", "Discord.py")."""
    text = text.strip()
    if not text:
        return False
    known = find_techs(text, vocabulary)
    if known and len(" ".join(known)) * 2 >= len(text):
        return True
    return " " not in text and not re.search(r"hack|jam", text, re.I) and \
        not _PHRASE.fullmatch(text) and \
        bool(re.search(r"[+#]|\.[a-z]|[A-Za-z]\d|^[a-z][\w-]*$", text))
