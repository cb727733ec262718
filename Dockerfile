# One image for the intake API and the workers (docker-compose.yml runs it both ways).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY contracts contracts
COPY config config
COPY ingest ingest
COPY classifiers classifiers
COPY workers workers
COPY sinks sinks
COPY civicpulse civicpulse
COPY samples samples
RUN pip install --no-cache-dir .
ENV CIVICPULSE_HOME=/var/lib/civicpulse
ENTRYPOINT ["civicpulse"]
