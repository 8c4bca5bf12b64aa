"""State carried through a modal in private_metadata, as a small validated model."""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationError


class ViewState(BaseModel):
    program_id: int | None = Field(default=None, ge=1, lt=10**15)  # ids that fit SQLite; forged ones read as empty
    session_id: int | None = Field(default=None, ge=1, lt=10**15)
    case_id: int | None = Field(default=None, ge=1, lt=10**15)
    invitation_id: int | None = Field(default=None, ge=1, lt=10**15)  # a join request declined (issue 17)
    action: str | None = Field(default=None, max_length=20)

    def encode(self) -> str:
        return self.model_dump_json(exclude_none=True)

    @classmethod
    def decode(cls, text: object) -> ViewState:
        """Whatever came back; a forged or broken value reads as empty."""
        if not isinstance(text, str) or not text or len(text) > 3000:
            return cls()
        try:
            return cls.model_validate_json(text)
        except ValidationError:
            return cls()
