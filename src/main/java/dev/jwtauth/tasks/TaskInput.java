package dev.jwtauth.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A task body as clients send it (README.md, the API table), checked by Bean Validation. */
public class TaskInput {

  @NotBlank(message = "title is required")
  @Size(max = 200, message = "title must have at most 200 characters")
  public String title;

  @Size(max = 2000, message = "description must have at most 2000 characters")
  public String description;

  /** Defaults to false. */
  public Boolean done;
}
