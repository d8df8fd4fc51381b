import asyncio
import os

API = os.environ['API_KEY']
MODEL = os.environ["GENKIT_MODEL"]
x = 1
same = x == x
other = x == 2
client = make_client(project, location='europe-west1', retries=3)
ok = make_client(location="us-central1")
# TODO fix this
# TODO(anna): fine
print()  # pyguide: ignore[no-print-args]


def run() -> None:
    asyncio.run(run())
