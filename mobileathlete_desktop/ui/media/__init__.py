"""Angles from photos and video (issue 19): the Image/video window of an assessment."""
