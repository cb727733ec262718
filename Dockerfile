# One image for the intake API, the workers and the one-shot jobs (docker-compose.yml runs it
# every way). It copies the whole source tree (.dockerignore leaves out tests, caches, .venv and
# .git), so no package can be left behind; tests/deploy/test_dockerfile.py builds a wheel from
# exactly what is copied here and imports every module and command from it.
FROM python:3.11-slim AS build
# A C compiler for mypyc's redaction modules (setup.py); only this stage has it
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Wheels for CivicPulse and its dependencies; not the `embedded` extra: Kafka is configured.
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    CIVICPULSE_HOME=/var/lib/civicpulse
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels civicpulse \
    && rm -rf /wheels
# A non-root user owns CIVICPULSE_HOME; named volumes mounted on models/ and outputs/ start as
# copies of these folders, so they are writable by it too.
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/civicpulse --no-create-home \
        civicpulse \
    && mkdir -p /var/lib/civicpulse/models /var/lib/civicpulse/outputs /var/lib/civicpulse/intake \
    && chown -R 10001:10001 /var/lib/civicpulse
USER 10001:10001
WORKDIR /var/lib/civicpulse
ENTRYPOINT ["civicpulse"]
