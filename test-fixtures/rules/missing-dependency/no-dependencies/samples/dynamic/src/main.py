from genkit import ai
